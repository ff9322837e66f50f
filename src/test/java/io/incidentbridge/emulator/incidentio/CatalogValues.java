package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.Json;
import java.util.Map;

/**
 * A catalog entry's {@code attribute_values} ({@code {"<attribute id>": {"value": {"literal": "…"}} |
 * {"array_value": [{"literal": "…"}]}}}) and {@code aliases}, checked for shape. Each literal is echoed with a
 * label, as incident.io's entries carry one.
 */
final class CatalogValues {
    private CatalogValues() {
    }

    static ObjectNode attributeValues(JsonNode body) {
        JsonNode given = body.get("attribute_values");
        if (given == null || !given.isObject()) {
            throw ApiError.required("attribute_values");
        }
        ObjectNode stored = Json.object();
        for (Map.Entry<String, JsonNode> field : given.properties()) {
            String where = "attribute_values." + field.getKey();
            JsonNode value = field.getValue();
            ObjectNode out = stored.putObject(field.getKey());
            if (value.path("value").isObject()) {
                out.set("value", labelled(value.get("value"), where));
            } else if (value.path("array_value").isArray()) {
                ArrayNode array = out.putArray("array_value");
                value.get("array_value").forEach(item -> array.add(labelled(item, where)));
            } else {
                throw ApiError.invalid(where, where + " needs a value or an array_value");
            }
        }
        return stored;
    }

    static ArrayNode aliases(JsonNode body) {
        ArrayNode aliases = Json.MAPPER.createArrayNode();
        JsonNode given = body.path("aliases");
        if (!given.isMissingNode() && !given.isArray()) {
            throw ApiError.invalid("aliases", "aliases must be a list of strings");
        }
        given.forEach(alias -> aliases.add(alias.asText()));
        return aliases;
    }

    private static ObjectNode labelled(JsonNode value, String where) {
        String literal = Json.text(value, "literal");
        if (literal == null) {
            throw ApiError.invalid(where, where + " needs a literal");
        }
        return Json.object().put("literal", literal).put("label", literal);
    }
}
