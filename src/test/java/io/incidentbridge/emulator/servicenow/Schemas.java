package io.incidentbridge.emulator.servicenow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.stream.Stream;

/** The emulated tables and their hierarchy. Any other table name is "Invalid table" (§1.7). */
final class Schemas {

    private final Map<String, TableSchema> tables = new ConcurrentHashMap<>();

    Schemas() {
        Stream.of(TaskSchemas.task(), TaskSchemas.incident(), ReferenceSchemas.user(), ReferenceSchemas.group(),
                        ReferenceSchemas.configurationItem(), ReferenceSchemas.service(),
                        ReferenceSchemas.journalField())
                .forEach(t -> tables.put(t.name(), t));
    }

    /** Adds a column to {@code table} as an admin does in the dictionary (a custom u_ field); a row without it reads "". */
    void addField(String table, Field field) {
        tables.computeIfPresent(table, (name, schema) -> {
            Map<String, Field> fields = new LinkedHashMap<>(schema.fields());
            fields.put(field.name(), field);
            return new TableSchema(schema.name(), schema.label(), schema.parent(), schema.numberPrefix(), schema.displayField(),
                    fields);
        });
    }

    Optional<TableSchema> find(String table) {
        return Optional.ofNullable(tables.get(table));
    }

    TableSchema get(String table) {
        return find(table).orElseThrow(() -> new IllegalArgumentException("Invalid table " + table));
    }

    /** Whether rows of {@code table} are visible through {@code ancestor}: itself or a table it extends. */
    boolean isA(String table, String ancestor) {
        for (String t = table; t != null; t = tables.get(t).parent()) {
            if (t.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** The base of a hierarchy; sys_ids are unique within it, as one physical table holds them all. */
    String root(String table) {
        String t = table;
        while (tables.get(t).parent() != null) {
            t = tables.get(t).parent();
        }
        return t;
    }
}
