package io.incidentbridge.emulator.servicenow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.Json;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body servicenow/incident-bridge-callback.business-rule.js builds, field by field and in its key order:
 * the listed fields the record's table has ({@code getValue(f) || ''}), then the work notes and comments created
 * at or after the record's sys_updated_on, oldest first. Keep this in step with the script.
 */
final class CallbackPayload {

    /** The script's {@code fields} array, in its order. */
    static final List<String> FIELDS = List.of("state", "incident_state", "impact", "urgency", "priority",
            "hold_reason", "close_code", "close_notes", "assignment_group", "assigned_to", "short_description",
            "correlation_id", "correlation_display", "parent");
    private static final Set<String> JOURNAL_ELEMENTS = Set.of("work_notes", "comments");

    private CallbackPayload() {
    }

    /** {@code current} as the write left it; {@code journal} the record's sys_journal_field rows, oldest first. */
    static String body(StoredRow current, TableSchema table, List<Map<String, String>> journal) {
        Map<String, String> row = current.values();
        ObjectNode body = Json.object()
                .put("table", current.table())
                .put("sys_id", current.sysId())
                .put("number", valueOrNull(row, "number"))
                .put("sys_updated_on", valueOrNull(row, "sys_updated_on"))
                .put("sys_updated_by", valueOrNull(row, "sys_updated_by"))
                .put("sys_mod_count", valueOrNull(row, "sys_mod_count"));
        ObjectNode values = body.putObject("values");
        for (String field : FIELDS) {
            if (table.field(field).isPresent()) {
                values.put(field, row.getOrDefault(field, ""));
            }
        }
        ArrayNode entries = body.putArray("journal");
        String updatedOn = row.get("sys_updated_on");
        journal.stream()
                .filter(e -> JOURNAL_ELEMENTS.contains(e.get("element")))
                .filter(e -> e.get("sys_created_on").compareTo(updatedOn) >= 0)
                .sorted(Comparator.comparing(e -> e.get("sys_created_on")))
                .forEach(e -> entries.addObject()
                        .put("element", e.get("element"))
                        .put("value", e.get("value"))
                        .put("sys_created_on", e.get("sys_created_on"))
                        .put("sys_created_by", e.get("sys_created_by")));
        return Json.write(body);
    }

    /** GlideRecord.getValue answers null for an empty column, and JSON.stringify writes it as null. */
    private static String valueOrNull(Map<String, String> row, String field) {
        String value = row.get(field);
        return value == null || value.isEmpty() ? null : value;
    }
}
