package io.incidentbridge.emulator.servicenow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbridge.emulator.core.Json;
import io.incidentbridge.emulator.core.TestHttp;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A plain HTTP client for the emulator's tests: real requests, a cached bearer token, JSON helpers. */
final class EmulatorClient {

    private final HttpClient http = TestHttp.client();
    private final ServiceNowEmulator emulator;
    private String accessToken;

    EmulatorClient(ServiceNowEmulator emulator) {
        this.emulator = emulator;
    }

    /** POSTs a form to /oauth_token.do; {@code basicClientAuth} may be null. */
    HttpResponse<String> tokenRequest(String form, String basicClientAuth) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/oauth_token.do"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (basicClientAuth != null) {
            request.header("Authorization", basicClientAuth);
        }
        return send(request);
    }

    /** The password grant for a user, client credentials in the form. */
    HttpResponse<String> passwordGrant(String userName, String password) {
        return tokenRequest(form("grant_type", "password", "client_id", ServiceNowEmulator.CLIENT_ID,
                "client_secret", ServiceNowEmulator.CLIENT_SECRET, "username", userName, "password", password), null);
    }

    String tokenFor(String userName, String password) {
        HttpResponse<String> response = passwordGrant(userName, password);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token request failed: " + response.statusCode() + " " + response.body());
        }
        return json(response).get("access_token").asText();
    }

    String accessToken() {
        if (accessToken == null) {
            accessToken = tokenFor(ServiceNowEmulator.USERNAME, ServiceNowEmulator.PASSWORD);
        }
        return accessToken;
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    HttpResponse<String> post(String path, String json) {
        return send("POST", path, json);
    }

    HttpResponse<String> patch(String path, String json) {
        return send("PATCH", path, json);
    }

    HttpResponse<String> delete(String path) {
        return send("DELETE", path, null);
    }

    /** As the integration user, with JSON Accept and (when there is a body) Content-Type. */
    HttpResponse<String> send(String method, String pathAndQuery, String body, String... headers) {
        return sendAs("Bearer " + accessToken(), method, pathAndQuery, body, headers);
    }

    /** {@code authorization} may be null to send no credentials; {@code headers} (name, value, ...) replace defaults. */
    HttpResponse<String> sendAs(String authorization, String method, String pathAndQuery, String body,
                                String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return TestHttp.send(http, request.build());
    }

    /** Creates an incident over HTTP and returns its sys_id. */
    String createIncident(String json) {
        HttpResponse<String> response = post("/api/now/table/incident", json);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Insert failed: " + response.statusCode() + " " + response.body());
        }
        return json(response).at("/result/sys_id").asText();
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String form(String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(encode(namesAndValues[i])).append('=').append(encode(namesAndValues[i + 1]));
        }
        return form.toString();
    }
}
