package io.incidentbridge.emulator.servicenow;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builder that keeps the table definitions readable: one line per kind of column. */
final class FieldList {

    private final Map<String, Field> fields = new LinkedHashMap<>();

    FieldList strings(String... names) {
        return add(FieldType.STRING, names);
    }

    FieldList integers(String... names) {
        return add(FieldType.INTEGER, names);
    }

    FieldList booleans(String... names) {
        return add(FieldType.BOOLEAN, names);
    }

    FieldList dateTimes(String... names) {
        return add(FieldType.DATETIME, names);
    }

    FieldList reference(String name, String table) {
        return put(new Field(name, FieldType.REFERENCE, table, null, Map.of()));
    }

    FieldList choice(String name, Map<String, String> choices) {
        return put(new Field(name, FieldType.STRING, null, null, choices));
    }

    FieldList integerChoice(String name, Map<String, String> choices) {
        return put(new Field(name, FieldType.INTEGER, null, null, choices));
    }

    FieldList journal(String name, String label) {
        return put(new Field(name, FieldType.JOURNAL_INPUT, null, label, Map.of()));
    }

    FieldList journalList(String name) {
        return put(Field.of(name, FieldType.JOURNAL_LIST));
    }

    FieldList tableName(String name) {
        return put(Field.of(name, FieldType.TABLE_NAME));
    }

    /** The system columns every table carries (reference §1.6 sample records). */
    FieldList systemFields() {
        return strings("sys_created_by").dateTimes("sys_created_on").strings("sys_updated_by")
                .dateTimes("sys_updated_on").integers("sys_mod_count").strings("sys_tags");
    }

    Map<String, Field> build() {
        return new LinkedHashMap<>(fields);
    }

    private FieldList add(FieldType type, String... names) {
        for (String name : names) {
            put(Field.of(name, type));
        }
        return this;
    }

    private FieldList put(Field field) {
        fields.put(field.name(), field);
        return this;
    }
}
