package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbridge.emulator.core.Json;
import io.incidentbridge.emulator.core.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A test's view of the emulator over real HTTP, with the configured bearer key unless told otherwise. */
final class ApiClient {
    /** An answer: status, raw body, and the body as JSON (an empty object when there is none). */
    record Answer(int status, String body, JsonNode json) {
        JsonNode firstError() {
            return json.path("errors").path(0);
        }
    }

    private final HttpClient http = TestHttp.client();
    private final String baseUrl;
    private final String authorization;

    ApiClient(IncidentIoEmulator emulator) {
        this(emulator.baseUrl(), "Bearer " + IncidentIoEmulator.API_KEY);
    }

    private ApiClient(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** The same client with another bearer key, or none at all when {@code otherKey} is null. */
    ApiClient withKey(String otherKey) {
        return new ApiClient(baseUrl, otherKey == null ? null : "Bearer " + otherKey);
    }

    /** The same client with exactly this Authorization header. */
    ApiClient withAuthorization(String header) {
        return new ApiClient(baseUrl, header);
    }

    Answer get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    Answer post(String path, String json) {
        return send("POST", path, json);
    }

    Answer put(String path, String json) {
        return send("PUT", path, json);
    }

    Answer delete(String path) {
        return send("DELETE", path, null);
    }

    Answer send(String method, String pathAndQuery, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = TestHttp.send(http, request.build());
        String body = response.body();
        return new Answer(response.statusCode(), body, body == null || body.isBlank() ? Json.object() : Json.parse(body));
    }
}
