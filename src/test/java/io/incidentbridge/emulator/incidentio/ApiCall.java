package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbridge.emulator.core.Json;
import java.util.List;
import java.util.Map;

/** One API request as a handler sees it: path parameters, query parameters (repeatable) and the raw body. */
record ApiCall(String method, String path, List<String> pathParams, Map<String, List<String>> query, String body) {

    ApiCall withPathParams(List<String> params) {
        return new ApiCall(method, path, List.copyOf(params), query, body);
    }

    String pathParam(int index) {
        return pathParams.get(index);
    }

    /** The last value of a query parameter, or null. */
    String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** The body as a JSON object; a body that is not one is refused before any handler logic runs. */
    JsonNode jsonBody() {
        if (body == null || body.isBlank()) {
            throw ApiError.badRequest("the request body is missing; a JSON object is expected");
        }
        JsonNode node;
        try {
            node = Json.parse(body);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("the request body is not valid JSON");
        }
        if (!node.isObject()) {
            throw ApiError.badRequest("the request body must be a JSON object");
        }
        return node;
    }
}
