package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.JsonNode;

/** What a handler answers: a status and a JSON body (null for 204). */
record ApiResponse(int status, JsonNode body) {

    static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body);
    }

    static ApiResponse created(JsonNode body) {
        return new ApiResponse(201, body);
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, null);
    }
}
