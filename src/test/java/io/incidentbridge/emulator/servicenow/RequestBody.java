package io.incidentbridge.emulator.servicenow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbridge.emulator.core.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** The field values of a POST/PUT/PATCH body. */
final class RequestBody {

    private RequestBody() {
    }

    /**
     * Only the first record of an array is processed (§1.1 "Multiple records ... only the first"); non-string
     * JSON values are taken as their text, null clears the field.
     */
    static Map<String, String> fields(ApiRequest request) {
        JsonNode node = parse(request.body());
        if (node.isArray() && !node.isEmpty()) {
            node = node.get(0);
        }
        if (!node.isObject()) {
            throw new ApiException(ErrorResponses.malformedBody());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> fields.put(e.getKey(), text(e.getValue())));
        return fields;
    }

    private static JsonNode parse(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(ErrorResponses.malformedBody());
        }
    }

    private static String text(JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
