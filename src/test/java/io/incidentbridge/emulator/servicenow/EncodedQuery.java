package io.incidentbridge.emulator.servicenow;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A parsed sysparm_query: {@code ^NQ} groups ORed together; inside a group, clauses ANDed; inside a clause,
 * conditions joined by {@code ^OR} (which binds only its neighbours, §2 precedence). An empty group matches
 * every row, which is what lets an unescaped {@code ^NQ} in a value widen a query (§2 injection risk).
 */
record EncodedQuery(List<List<List<Condition>>> groups, List<OrderBy> orderBy) {

    static final EncodedQuery ALL = new EncodedQuery(List.of(), List.of());

    EncodedQuery {
        groups = groups.stream().map(g -> g.stream().map(List::copyOf).toList()).toList();
        orderBy = List.copyOf(orderBy);
    }

    /** name=value URL parameters: each an equality, all ANDed. */
    static EncodedQuery equalities(Map<String, String> filters) {
        List<List<Condition>> clauses = filters.entrySet().stream()
                .map(e -> List.of(new Condition(e.getKey(), Operator.EQUALS, e.getValue(), true)))
                .toList();
        return new EncodedQuery(List.of(clauses), List.of());
    }

    /** Drops unparsable conditions and those on unknown fields, and ORDERBY on unknown fields. */
    EncodedQuery retain(Predicate<String> knownField) {
        List<List<List<Condition>>> kept = groups.stream()
                .map(g -> g.stream()
                        .map(clause -> clause.stream()
                                .filter(c -> c.operator() != null && knownField.test(c.field()))
                                .toList())
                        .filter(clause -> !clause.isEmpty())
                        .toList())
                .toList();
        return new EncodedQuery(kept, orderBy.stream().filter(o -> knownField.test(o.field())).toList());
    }

    boolean matches(Predicate<Condition> test) {
        return groups.isEmpty() || groups.stream()
                .anyMatch(g -> g.stream().allMatch(clause -> clause.stream().anyMatch(test)));
    }
}
