package io.incidentbridge.emulator.servicenow;

import java.util.Map;
import java.util.Optional;

/**
 * Resolves a field path on a row, following references for dot-walked paths such as {@code caller_id.email}
 * (reference §1.2 sysparm_fields, §2 dot-walking). A path is unknown if any segment is; a reference that
 * points nowhere resolves to an empty value.
 */
final class FieldAccess {

    /** The field a path ends at, the table and row it was read from, and its raw value. */
    record Resolved(TableSchema table, Field field, Map<String, String> row, String raw) {
    }

    private final Schemas schemas;
    private final RecordStore store;

    FieldAccess(Schemas schemas, RecordStore store) {
        this.schemas = schemas;
        this.store = store;
    }

    boolean isKnown(TableSchema table, String path) {
        return walk(table, null, path).isPresent();
    }

    Optional<Resolved> resolve(TableSchema table, Map<String, String> row, String path) {
        return walk(table, row, path);
    }

    /** With a null row only the path is checked; no records are looked up. */
    private Optional<Resolved> walk(TableSchema table, Map<String, String> row, String path) {
        String[] segments = path.split("\\.", -1);
        TableSchema current = table;
        Map<String, String> currentRow = row;
        for (int i = 0; i < segments.length - 1; i++) {
            Optional<Field> reference = current.field(segments[i]).filter(Field::isReference);
            Optional<TableSchema> target = reference.flatMap(f -> schemas.find(f.referenceTable()));
            if (target.isEmpty()) {
                return Optional.empty();
            }
            currentRow = currentRow == null ? null : follow(target.get(), currentRow.get(reference.get().name()));
            current = target.get();
        }
        TableSchema owner = current;
        Map<String, String> values = currentRow == null ? Map.of() : currentRow;
        return owner.field(segments[segments.length - 1])
                .map(f -> new Resolved(owner, f, values, values.getOrDefault(f.name(), "")));
    }

    private Map<String, String> follow(TableSchema target, String sysId) {
        return store.row(target.name(), sysId).map(r -> target.view(r.values())).orElse(Map.of());
    }
}
