package io.incidentbridge.emulator.servicenow;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs an encoded query against a table: filter, then ORDERBY (stable, so rows without an order keep
 * creation order - the real default order is unspecified, checklist §E).
 */
final class RecordQuery {

    private final RecordStore store;
    private final FieldAccess access;
    private final DisplayValues display;

    RecordQuery(RecordStore store, FieldAccess access, DisplayValues display) {
        this.store = store;
        this.access = access;
        this.display = display;
    }

    /**
     * The matching rows as stored (immutable, with every column of the row's own class). Fields are always
     * resolved through {@code table}, so columns of extending tables stay invisible; callers project with
     * {@link TableSchema#view} or render through the table, and no row is copied just to be filtered out.
     */
    List<Map<String, String>> select(TableSchema table, EncodedQuery query) {
        EncodedQuery bound = query.retain(path -> access.isKnown(table, path));
        List<Map<String, String>> rows = store.rows(table.name()).stream()
                .map(StoredRow::values)
                .filter(row -> bound.matches(c -> test(table, row, c)))
                .collect(Collectors.toCollection(ArrayList::new));
        rows.sort(order(table, bound.orderBy()));
        return rows;
    }

    private boolean test(TableSchema table, Map<String, String> row, Condition condition) {
        FieldAccess.Resolved value = access.resolve(table, row, condition.field()).orElseThrow();
        Supplier<String> shown = () -> display.of(value, ZoneOffset.UTC);
        boolean hasDisplayForm = value.field().isReference() || !value.field().choices().isEmpty();
        if (condition.matchDisplayValue() && hasDisplayForm && shown.get().equals(condition.value())) {
            return true;
        }
        return condition.operator().test(value.field(), value.raw(), condition.value(), shown);
    }

    /** References sort by what users see (their display value), everything else by stored value. */
    private Comparator<Map<String, String>> order(TableSchema table, List<OrderBy> orderBy) {
        Comparator<Map<String, String>> result = (a, b) -> 0;
        for (OrderBy term : orderBy) {
            Comparator<Map<String, String>> byField = (a, b) -> {
                FieldAccess.Resolved left = access.resolve(table, a, term.field()).orElseThrow();
                FieldAccess.Resolved right = access.resolve(table, b, term.field()).orElseThrow();
                return ValueOrder.compare(left.field(), sortKey(left), sortKey(right));
            };
            result = result.thenComparing(term.descending() ? byField.reversed() : byField);
        }
        return result;
    }

    private String sortKey(FieldAccess.Resolved value) {
        return value.field().isReference() ? display.of(value, ZoneOffset.UTC) : value.raw();
    }
}
