package io.incidentbridge.sync;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The incident fields that travel both ways: the ServiceNow fields the outbound template writes for each, and the
 * key under which servicenow-to-incident.jslt gives its incident.io value. Work notes and comments are not among them:
 * notes are only ever appended, on both sides. Every other ServiceNow field the bridge writes (caller, CMDB item,
 * correlation) comes from incident.io alone.
 */
public enum OwnedField {
    NAME("name", "short_description"),
    SUMMARY("summary", "description"),
    STATUS("status_category", "state", "hold_reason", "close_code", "close_notes"),
    SEVERITY("severity", "impact", "urgency"),
    ASSIGNMENT("assignment", "assignment_group", "assigned_to");

    private final String templateKey;
    private final List<String> serviceNowFields;

    OwnedField(String templateKey, String... serviceNowFields) {
        this.templateKey = templateKey;
        this.serviceNowFields = List.of(serviceNowFields);
    }

    public String templateKey() {
        return templateKey;
    }

    public List<String> serviceNowFields() {
        return serviceNowFields;
    }

    /** The values among {@code fields} that belong to this field. */
    public Map<String, String> of(Map<String, String> fields) {
        return fields.entrySet().stream().filter(e -> serviceNowFields.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** True if no owned field writes this ServiceNow field. */
    public static boolean unowned(String serviceNowField) {
        for (OwnedField field : values()) {
            if (field.serviceNowFields.contains(serviceNowField)) {
                return false;
            }
        }
        return true;
    }
}
