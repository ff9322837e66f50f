package io.incidentbridge.emulator.servicenow;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses encoded queries. {@code ^^} is a literal caret inside a value (GlideStringUtil.escapeQueryTermSeparator,
 * reference §2), so {@code name=a^^NQb} matches the name "a^NQb" while {@code name=a^NQb} starts a new query.
 */
final class EncodedQueryParser {

    private enum Joint { AND, OR, NEW_QUERY }

    private record Term(Joint joint, String text) {
    }

    private EncodedQueryParser() {
    }

    static EncodedQuery parse(String encoded) {
        List<List<List<Condition>>> groups = new ArrayList<>();
        List<OrderBy> orderBy = new ArrayList<>();
        List<List<Condition>> group = new ArrayList<>();
        groups.add(group);
        for (Term term : split(encoded)) {
            if (term.joint() == Joint.NEW_QUERY) {
                group = new ArrayList<>();
                groups.add(group);
            }
            String text = term.text();
            if (text.startsWith("ORDERBYDESC")) {
                orderBy.add(new OrderBy(text.substring("ORDERBYDESC".length()), true));
            } else if (text.startsWith("ORDERBY")) {
                orderBy.add(new OrderBy(text.substring("ORDERBY".length()), false));
            } else if (!text.isEmpty() && !text.equals("EQ")) {
                addCondition(group, term.joint(), condition(text));
            }
        }
        // A group with no terms at all (e.g. a trailing ^NQ) is no query; one whose terms are all invalid is.
        List<List<List<Condition>>> written = groups.stream().filter(g -> !g.isEmpty()).toList();
        return new EncodedQuery(written, orderBy);
    }

    private static void addCondition(List<List<Condition>> group, Joint joint, Condition condition) {
        if (joint == Joint.OR && !group.isEmpty()) {
            group.get(group.size() - 1).add(condition);
        } else {
            group.add(new ArrayList<>(List.of(condition)));
        }
    }

    private static List<Term> split(String encoded) {
        List<Term> terms = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Joint joint = Joint.AND;
        int i = 0;
        while (i < encoded.length()) {
            if (encoded.charAt(i) != '^') {
                current.append(encoded.charAt(i++));
            } else if (encoded.startsWith("^", i + 1)) {
                current.append('^');
                i += 2;
            } else {
                terms.add(new Term(joint, current.toString()));
                current.setLength(0);
                if (encoded.startsWith("NQ", i + 1)) {
                    joint = Joint.NEW_QUERY;
                    i += 3;
                } else if (encoded.startsWith("OR", i + 1) && !encoded.startsWith("ORDERBY", i + 1)) {
                    joint = Joint.OR;
                    i += 3;
                } else {
                    joint = Joint.AND;
                    i += 1;
                }
            }
        }
        terms.add(new Term(joint, current.toString()));
        return terms;
    }

    /** Field names are lower case (with dots for dot-walking); the operator starts at the first other character. */
    private static Condition condition(String term) {
        int end = 0;
        while (end < term.length() && isFieldChar(term.charAt(end))) {
            end++;
        }
        String field = term.substring(0, end);
        return Operator.match(term.substring(end))
                .map(m -> new Condition(field, m.operator(), m.operand(), false))
                .orElse(new Condition(field, null, term.substring(end), false));
    }

    private static boolean isFieldChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    }
}
