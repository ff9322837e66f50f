package io.incidentbridge.emulator.servicenow;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Inserts, updates and deletes records the way GlideRecord does: system columns, numbering, business rules,
 * journal entries, then the after-write rules. Each operation holds the store lock from read to write.
 */
final class RecordWriter {

    private final RecordStore store;
    private final NumberSequence numbers;
    private final BusinessRules rules;
    private final JournalRecorder journal;
    private final ColumnLengths columns;
    private final Clock clock;

    RecordWriter(RecordStore store, BusinessRules rules, JournalRecorder journal, ColumnLengths columns, Clock clock) {
        this.columns = columns;
        this.store = store;
        this.numbers = new NumberSequence();
        this.rules = rules;
        this.journal = journal;
        this.clock = clock;
    }

    /** @param trusted Java-API fixtures may preset sys_ columns; Table API callers may only choose sys_id. */
    StoredRow insert(TableSchema table, Map<String, String> input, Actor actor, boolean trusted) {
        synchronized (store) {
            String now = now();
            FieldInput accepted = FieldInput.of(table, input, trusted, true);
            Map<String, String> row = table.blankRow();
            rules.defaults(table.name(), row, actor, now);
            row.replace("sys_created_on", now);
            row.replace("sys_created_by", actor.userName());
            row.replace("sys_updated_on", now);
            row.replace("sys_updated_by", actor.userName());
            row.replace("sys_mod_count", "0");
            row.replace("sys_class_name", table.name());
            row.putAll(accepted.fields());
            columns.cut(table.name(), row, accepted.fields().keySet());
            if (row.get("sys_id").isEmpty()) {
                row.put("sys_id", Identifiers.sysId());
            }
            if (table.numberPrefix() != null && row.get("number").isEmpty()) {
                row.put("number", numbers.next(table.numberPrefix()));
            }
            if (store.contains(table.name(), row.get("sys_id"))) {
                throw new DuplicateRecordException(table.name(), row.get(table.displayField()));
            }
            rules.apply(table.name(), null, row, accepted.written(), actor, now);
            StoredRow stored = new StoredRow(table.name(), row);
            store.put(stored);
            journal.append(table.name(), stored.sysId(), accepted.journal(), actor, now);
            rules.after(stored, true);
            return stored;
        }
    }

    /**
     * Partial update through {@code view} (the table named in the URL; only its columns are writable).
     * A write that changes nothing is not an update: GlideRecord skips it unless forced
     * (GlideRecord.setForceUpdate), so sys_mod_count and sys_updated_on stay as they were.
     */
    Optional<StoredRow> update(TableSchema view, String sysId, Map<String, String> input, Actor actor) {
        synchronized (store) {
            Optional<StoredRow> existing = store.row(view.name(), sysId);
            if (existing.isEmpty()) {
                return existing;
            }
            String now = now();
            StoredRow current = existing.get();
            FieldInput accepted = FieldInput.of(view, input, false, false);
            Map<String, String> before = current.values();
            Map<String, String> after = new LinkedHashMap<>(before);
            after.putAll(accepted.fields());
            columns.cut(current.table(), after, accepted.fields().keySet());
            rules.apply(current.table(), before, after, accepted.written(), actor, now);
            if (after.equals(before) && accepted.journal().isEmpty()) {
                return existing;
            }
            after.put("sys_updated_on", now);
            after.put("sys_updated_by", actor.userName());
            after.put("sys_mod_count", String.valueOf(Integer.parseInt(before.get("sys_mod_count")) + 1));
            StoredRow stored = new StoredRow(current.table(), after);
            store.put(stored);
            journal.append(current.table(), sysId, accepted.journal(), actor, now);
            rules.after(stored, false);
            return Optional.of(stored);
        }
    }

    boolean delete(TableSchema table, String sysId) {
        return store.remove(table.name(), sysId);
    }

    private String now() {
        return GlideDateTime.utc(clock.instant());
    }
}
