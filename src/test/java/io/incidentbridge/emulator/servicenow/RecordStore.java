package io.incidentbridge.emulator.servicenow;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All records, one insertion-ordered map per table hierarchy, so a parent table lists its children's rows
 * in creation order (§5.1). Every method locks the store; writers hold the same lock across
 * read-modify-write so concurrent PATCHes never lose an update.
 */
final class RecordStore {

    private final Schemas schemas;
    private final Map<String, LinkedHashMap<String, StoredRow>> hierarchies = new HashMap<>();

    RecordStore(Schemas schemas) {
        this.schemas = schemas;
    }

    /** Rows visible through {@code table}: its own and those of tables extending it, oldest first. */
    synchronized List<StoredRow> rows(String table) {
        return hierarchy(table).values().stream().filter(r -> schemas.isA(r.table(), table)).toList();
    }

    synchronized Optional<StoredRow> row(String table, String sysId) {
        return Optional.ofNullable(hierarchy(table).get(sysId)).filter(r -> schemas.isA(r.table(), table));
    }

    /** Whether the sys_id is taken anywhere in the hierarchy, which is what makes an insert collide (§1.6). */
    synchronized boolean contains(String table, String sysId) {
        return hierarchy(table).containsKey(sysId);
    }

    /** Inserts, or replaces in place so the row keeps its position in insertion order. */
    synchronized void put(StoredRow row) {
        hierarchy(row.table()).put(row.sysId(), row);
    }

    synchronized boolean remove(String table, String sysId) {
        return row(table, sysId).map(r -> hierarchy(table).remove(sysId) != null).orElse(false);
    }

    private LinkedHashMap<String, StoredRow> hierarchy(String table) {
        return hierarchies.computeIfAbsent(schemas.root(table), t -> new LinkedHashMap<>());
    }
}
