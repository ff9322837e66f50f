package io.incidentbridge.emulator.servicenow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of a request body that a write actually applies: unknown fields and sys_ fields are dropped
 * (§1.1 POST/PATCH rows; §1.7 unknown fields), journal fields become entries, the journal list is read-only.
 */
record FieldInput(Map<String, String> fields, List<JournalEntry> journal) {

    /**
     * @param trusted fixture writes from the Java API may preset sys_ columns (e.g. sys_created_on)
     * @param insert  a POST may choose its own sys_id (§1.6, 403 duplicate capture)
     */
    static FieldInput of(TableSchema table, Map<String, String> input, boolean trusted, boolean insert) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<JournalEntry> journal = new ArrayList<>();
        input.forEach((name, value) -> table.field(name).ifPresent(field -> {
            if (field.type() == FieldType.JOURNAL_INPUT) {
                if (!value.isEmpty()) {
                    journal.add(new JournalEntry(name, value));
                }
            } else if (field.type() != FieldType.JOURNAL_LIST && writable(field, trusted, insert)) {
                fields.put(name, value);
            }
        }));
        return new FieldInput(fields, journal);
    }

    /** Names the caller wrote, journal elements included; business rules react to them. */
    Set<String> written() {
        Set<String> names = new LinkedHashSet<>(fields.keySet());
        journal.forEach(e -> names.add(e.element()));
        return names;
    }

    private static boolean writable(Field field, boolean trusted, boolean insert) {
        return trusted || !field.isSystemField() || (insert && field.name().equals("sys_id"));
    }
}
