package io.incidentbridge.emulator.servicenow;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/**
 * Display values (sysparm_display_value=true/all, reference §1.3, §5.3): choice labels, the referenced
 * record's display field, date-times in the viewer's zone, grouped integers, table labels, journal history.
 */
final class DisplayValues {

    private final Schemas schemas;
    private final RecordStore store;
    private final JournalHistory history;

    DisplayValues(Schemas schemas, RecordStore store, JournalHistory history) {
        this.schemas = schemas;
        this.store = store;
        this.history = history;
    }

    String of(FieldAccess.Resolved value, ZoneId zone) {
        Field field = value.field();
        String raw = value.raw();
        return switch (field.type()) {
            case REFERENCE -> reference(field, raw);
            case JOURNAL_INPUT -> journal(value, Set.of(field.name()), zone);
            case JOURNAL_LIST -> journal(value, JournalHistory.BOTH, zone);
            case DATETIME -> GlideDateTime.inZone(raw, zone);
            case TABLE_NAME -> schemas.find(raw).map(TableSchema::label).orElse(raw);
            case INTEGER -> field.choices().containsKey(raw) ? field.choices().get(raw) : grouped(raw);
            default -> field.choices().getOrDefault(raw, raw);
        };
    }

    /** A reference to a record the emulator does not hold (e.g. sys_domain "global") shows its stored key. */
    private String reference(Field field, String sysId) {
        if (sysId.isEmpty()) {
            return "";
        }
        return schemas.find(field.referenceTable())
                .flatMap(t -> store.row(t.name(), sysId).map(r -> r.values().getOrDefault(t.displayField(), "")))
                .orElse(sysId);
    }

    /** Journal entries are filed under the record's own class, even when it is read through task. */
    private String journal(FieldAccess.Resolved value, Set<String> elements, ZoneId zone) {
        String recordClass = value.row().getOrDefault("sys_class_name", "");
        String table = recordClass.isEmpty() ? value.table().name() : recordClass;
        return history.render(table, value.row().getOrDefault("sys_id", ""), elements, zone);
    }

    /** Integers display with grouping separators, e.g. calendar_stc "102,197" (§5.3). */
    private static String grouped(String raw) {
        return ValueOrder.isInteger(raw) ? String.format(Locale.US, "%,d", Long.parseLong(raw)) : raw;
    }
}
