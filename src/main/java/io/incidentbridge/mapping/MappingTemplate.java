package io.incidentbridge.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.JsltException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** A compiled JSLT template plus the variables it reads ($values, $bridge). */
public record MappingTemplate(String source, Expression expression, Map<String, JsonNode> variables) {

    /** Applies the template; the result must be an object of scalar values, returned as ServiceNow strings. */
    public Map<String, String> apply(JsonNode input) {
        return apply(input, Map.of());
    }

    /** As {@link #apply(JsonNode)}, with more variables for this one call (e.g. {@code $incident}). */
    public Map<String, String> apply(JsonNode input, Map<String, JsonNode> extraVariables) {
        JsonNode output = applyTree(input, extraVariables);
        Map<String, String> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = output.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (value.isContainerNode()) {
                throw new MappingFailure(source + ": field '" + field.getKey() + "' must be a string, number or boolean, not "
                        + value.getNodeType().name().toLowerCase());
            }
            fields.put(field.getKey(), value.asText());
        }
        return fields;
    }

    /** Applies the template and returns its output object as it is, nested values included. */
    public JsonNode applyTree(JsonNode input) {
        return applyTree(input, Map.of());
    }

    private JsonNode applyTree(JsonNode input, Map<String, JsonNode> extraVariables) {
        Map<String, JsonNode> all = new java.util.HashMap<>(variables);
        all.putAll(extraVariables);
        JsonNode output;
        try {
            output = expression.apply(all, input);
        } catch (JsltException e) {
            throw new MappingFailure(source + ": " + e.getMessage(), e);
        }
        if (output == null || !output.isObject()) {
            throw new MappingFailure(source + ": the template must produce a JSON object");
        }
        return output;
    }
}
