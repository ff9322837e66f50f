package io.incidentbridge.emulator.servicenow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ServiceNow does not enforce a string field's max_length itself, but the database does: a field of up to 255 is a
 * varchar(max_length) column and a longer value is cut (KB0685779); longer fields are mediumtext and keep everything.
 * Out of the box these are the lengths of the task and incident string fields the bridge writes that are cut; a test
 * may give a field another length (an instance whose admin changed it, or a custom u_ field).
 */
final class ColumnLengths {
    /** The longest field ServiceNow stores as varchar; a longer max_length is mediumtext. */
    static final int MAX_VARCHAR = 255;
    private static final Map<String, Integer> TASK = Map.of(
            "short_description", 160, "correlation_id", 100, "correlation_display", 100, "number", 40);
    private static final Map<String, Integer> INCIDENT = Map.of("close_code", 40);

    private final Map<String, Integer> custom = new ConcurrentHashMap<>();
    private final Map<String, Integer> changed = new ConcurrentHashMap<>();

    /** A custom field's max_length, part of its definition (a reset keeps it). */
    void define(String table, String field, int maxLength) {
        custom.put(table + "." + field, maxLength);
    }

    /** Another max_length for {@code field} of {@code table}, until {@link #reset()}. */
    void set(String table, String field, int maxLength) {
        changed.put(table + "." + field, maxLength);
    }

    /** Back to the out-of-the-box lengths (and the custom fields' own). */
    void reset() {
        changed.clear();
    }

    /** Cuts each value just written to {@code table} to its column's length, as the database does. */
    void cut(String table, Map<String, String> row, Iterable<String> written) {
        for (String field : written) {
            Integer length = length(table, field);
            String value = row.get(field);
            if (length != null && length <= MAX_VARCHAR && value != null && value.codePointCount(0, value.length()) > length) {
                row.put(field, value.substring(0, value.offsetByCodePoints(0, length)));
            }
        }
    }

    private Integer length(String table, String field) {
        String key = table + "." + field;
        Integer length = changed.getOrDefault(key, custom.get(key));
        if (length != null) {
            return length;
        }
        return TASK.getOrDefault(field, "incident".equals(table) ? INCIDENT.get(field) : null);
    }
}
