package io.incidentbridge.emulator.servicenow;

import java.util.Map;

/**
 * One dictionary entry. {@code referenceTable} is set for references, {@code label} for journals
 * (it appears in the history text) and {@code choices} maps stored values to display labels.
 */
record Field(String name, FieldType type, String referenceTable, String label, Map<String, String> choices) {

    Field {
        choices = Map.copyOf(choices);
    }

    static Field of(String name, FieldType type) {
        return new Field(name, type, null, null, Map.of());
    }

    boolean isReference() {
        return type == FieldType.REFERENCE;
    }

    boolean isJournal() {
        return type == FieldType.JOURNAL_INPUT || type == FieldType.JOURNAL_LIST;
    }

    boolean isNumeric() {
        return type == FieldType.INTEGER;
    }

    boolean isSystemField() {
        return name.startsWith("sys_");
    }
}
