package io.incidentbridge.emulator.servicenow;

import java.util.Map;

/**
 * ServiceNow does not enforce a string field's max_length itself, but the database does: a field of up to 255 is a
 * varchar(max_length) column and a longer value is cut (KB0685779); longer fields are mediumtext and keep everything.
 * These are the out-of-the-box lengths of the task and incident string fields the bridge writes that are cut.
 */
final class ColumnLengths {
    private static final Map<String, Integer> TASK = Map.of(
            "short_description", 160, "correlation_id", 100, "correlation_display", 100, "number", 40);
    private static final Map<String, Integer> INCIDENT = Map.of("close_code", 40);

    private ColumnLengths() {
    }

    /** Cuts each value just written to {@code table} to its column's length, as the database does. */
    static void cut(String table, Map<String, String> row, Iterable<String> written) {
        for (String field : written) {
            Integer length = TASK.getOrDefault(field, "incident".equals(table) ? INCIDENT.get(field) : null);
            String value = row.get(field);
            if (length != null && value != null && value.codePointCount(0, value.length()) > length) {
                row.put(field, value.substring(0, value.offsetByCodePoints(0, length)));
            }
        }
    }
}
