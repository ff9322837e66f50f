package io.incidentbridge.emulator.servicenow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table: its label (the display value of sys_class_name), the table it extends, the number prefix of
 * task tables, the field that is its display value and its columns in the order responses list them.
 */
record TableSchema(String name, String label, String parent, String numberPrefix, String displayField,
                   Map<String, Field> fields) {

    TableSchema {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    Optional<Field> field(String fieldName) {
        return Optional.ofNullable(fields.get(fieldName));
    }

    List<String> fieldNames() {
        return List.copyOf(fields.keySet());
    }

    /** A new row of this table: every column present and empty, as an insert without values leaves it (§1.1). */
    Map<String, String> blankRow() {
        Map<String, String> row = new LinkedHashMap<>();
        fields.keySet().forEach(f -> row.put(f, ""));
        return row;
    }

    /** The columns of this table taken from a row of this table or of a table that extends it (§5.1). */
    Map<String, String> view(Map<String, String> row) {
        Map<String, String> view = new LinkedHashMap<>();
        fields.keySet().forEach(f -> view.put(f, row.getOrDefault(f, "")));
        return view;
    }
}
