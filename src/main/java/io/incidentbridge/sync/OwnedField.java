package io.incidentbridge.sync;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The incident fields that travel both ways: the ServiceNow fields the outbound template writes for each (those that
 * carry its value, then details that go with it), and the key under which servicenow-to-incident.jslt gives its
 * incident.io value. Work notes and comments are not among them: notes are only ever appended, on both sides. Every
 * other ServiceNow field the bridge writes (caller, CMDB item, correlation) comes from incident.io alone.
 */
public enum OwnedField {
    NAME("name", List.of("short_description"), List.of()),
    SUMMARY("summary", List.of("description"), List.of()),
    STATUS("status_category", List.of("state"), List.of("hold_reason", "close_code", "close_notes")),
    SEVERITY("severity", List.of("impact", "urgency"), List.of()),
    ASSIGNMENT("assignment", List.of("assignment_group", "assigned_to"), List.of());

    private final String templateKey;
    private final List<String> valueFields;
    private final List<String> serviceNowFields;

    OwnedField(String templateKey, List<String> valueFields, List<String> details) {
        this.templateKey = templateKey;
        this.valueFields = valueFields;
        this.serviceNowFields = java.util.stream.Stream.concat(valueFields.stream(), details.stream()).toList();
    }

    public String templateKey() {
        return templateKey;
    }

    public List<String> serviceNowFields() {
        return serviceNowFields;
    }

    /**
     * The ServiceNow fields that together carry the value (impact with urgency): written together, so that a change to
     * one of them in ServiceNow at the same time cannot leave a mix of both sides.
     */
    public List<String> valueFields() {
        return valueFields;
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
