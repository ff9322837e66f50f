package io.incidentbridge.servicenow;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@code sysparm_query} without string concatenation of user data: every value has its
 * {@code ^} doubled ({@code ^^} is the platform's escape, GlideStringUtil.escapeQueryTermSeparator),
 * so a value such as {@code x^NQactive=true} cannot widen the query.
 */
public final class EncodedQuery {
    private static final String SCRIPT = "javascript:";
    private final List<String> terms;

    private EncodedQuery(List<String> terms) {
        this.terms = List.copyOf(terms);
    }

    /** A query written by the operator in configuration (trusted as is); empty for none. */
    public static EncodedQuery configured(String query) {
        return new EncodedQuery(query == null || query.isBlank() ? List.of() : List.of(query.trim()));
    }

    public static EncodedQuery eq(String field, String value) {
        return new EncodedQuery(List.of()).andEq(field, value);
    }

    public EncodedQuery andEq(String field, String value) {
        return with(field(field) + "=" + escape(value));
    }

    /** {@code fieldIN a,b,c}: each value is escaped and may not contain a comma (it would split the list). */
    public static EncodedQuery in(String field, java.util.Collection<String> values) {
        for (String value : values) {
            if (value.contains(",")) {
                throw new IllegalArgumentException("an IN value may not contain a comma: " + value);
            }
        }
        return new EncodedQuery(List.of()).with(field(field) + "IN"
                + String.join(",", values.stream().map(EncodedQuery::escape).toList()));
    }

    public EncodedQuery andLike(String field, String value) {
        return with(field(field) + "LIKE" + escape(value));
    }

    public EncodedQuery andGreaterOrEqual(String field, String value) {
        return with(field(field) + ">=" + escape(value));
    }

    public EncodedQuery andNotEqual(String field, String value) {
        return with(field(field) + "!=" + escape(value));
    }

    public EncodedQuery andNotEmpty(String field) {
        return with(field(field) + "ISNOTEMPTY");
    }

    public EncodedQuery orderBy(String field) {
        return with("ORDERBY" + field(field));
    }

    private EncodedQuery with(String term) {
        List<String> next = new ArrayList<>(terms);
        next.add(term);
        return new EncodedQuery(next);
    }

    /** Whether a value may be asked for at all: ServiceNow runs a value that starts with javascript: as a script. */
    public static boolean queryable(String value) {
        return value == null || !value.regionMatches(true, 0, SCRIPT, 0, SCRIPT.length());
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        if (!queryable(value)) {
            throw new IllegalArgumentException("encoded-query values may not start with " + SCRIPT);
        }
        return value.replace("^", "^^");
    }

    private static String field(String name) {
        if (!name.matches("[A-Za-z0-9_.]+")) {
            throw new IllegalArgumentException("not a ServiceNow field name: " + name);
        }
        return name;
    }

    @Override
    public String toString() {
        return String.join("^", terms);
    }
}
