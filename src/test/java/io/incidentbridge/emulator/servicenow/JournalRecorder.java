package io.incidentbridge.emulator.servicenow;

import java.util.List;
import java.util.Map;

/** Appends journal entries as sys_journal_field rows and reads them back (§5.4 "Read entries individually"). */
final class JournalRecorder {

    private final RecordStore store;
    private final TableSchema journalTable;

    JournalRecorder(RecordStore store, Schemas schemas) {
        this.store = store;
        this.journalTable = schemas.get("sys_journal_field");
    }

    void append(String table, String sysId, List<JournalEntry> entries, Actor actor, String now) {
        for (JournalEntry entry : entries) {
            Map<String, String> row = journalTable.blankRow();
            row.put("sys_id", Identifiers.sysId());
            row.put("name", table);
            row.put("element", entry.element());
            row.put("element_id", sysId);
            row.put("value", entry.value());
            row.put("sys_created_on", now);
            row.put("sys_created_by", actor.userName());
            store.put(new StoredRow(journalTable.name(), row));
        }
    }

    /** Entries of one record, oldest first. */
    List<Map<String, String>> entries(String sysId) {
        return store.rows(journalTable.name()).stream()
                .map(StoredRow::values)
                .filter(r -> sysId.equals(r.get("element_id")))
                .toList();
    }
}
