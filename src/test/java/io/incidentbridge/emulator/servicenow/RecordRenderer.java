package io.incidentbridge.emulator.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.incidentbridge.emulator.core.Json;
import java.util.Map;

/**
 * Turns a row into the JSON object the Table API returns (reference §1.3): every value a string; references
 * as {@code {"link","value"}}, {@code {"display_value","link"}} or {@code {"display_value","link","value"}}
 * by display mode, or flat with sysparm_exclude_reference_link; an empty reference is always "".
 * Unknown names in sysparm_fields are skipped; dot-walked names keep their dotted key.
 */
final class RecordRenderer {

    private final FieldAccess access;
    private final DisplayValues display;

    RecordRenderer(FieldAccess access, DisplayValues display) {
        this.access = access;
        this.display = display;
    }

    ObjectNode render(TableSchema table, Map<String, String> row, ReadOptions options) {
        ObjectNode node = Json.object();
        for (String name : options.fieldsOr(table.fieldNames())) {
            access.resolve(table, row, name).ifPresent(value -> node.set(name, value(value, options)));
        }
        return node;
    }

    private JsonNode value(FieldAccess.Resolved value, ReadOptions options) {
        String raw = value.field().isJournal() ? "" : value.raw();
        if (value.field().isReference() && !raw.isEmpty()) {
            return reference(value, options);
        }
        return switch (options.mode()) {
            case FALSE -> TextNode.valueOf(raw);
            case TRUE -> TextNode.valueOf(display.of(value, options.zone()));
            case ALL -> {
                ObjectNode both = Json.object();
                both.put("display_value", display.of(value, options.zone()));
                both.put("value", raw);
                yield both;
            }
        };
    }

    private JsonNode reference(FieldAccess.Resolved value, ReadOptions options) {
        String link = options.apiBase() + "/table/" + value.field().referenceTable() + "/" + value.raw();
        ObjectNode node = Json.object();
        switch (options.mode()) {
            case FALSE -> {
                if (options.excludeLinks()) {
                    return TextNode.valueOf(value.raw());
                }
                node.put("link", link);
                node.put("value", value.raw());
            }
            case TRUE -> {
                if (options.excludeLinks()) {
                    return TextNode.valueOf(display.of(value, options.zone()));
                }
                node.put("display_value", display.of(value, options.zone()));
                node.put("link", link);
            }
            case ALL -> {
                node.put("display_value", display.of(value, options.zone()));
                if (!options.excludeLinks()) {
                    node.put("link", link);
                }
                node.put("value", value.raw());
            }
        }
        return node;
    }
}
