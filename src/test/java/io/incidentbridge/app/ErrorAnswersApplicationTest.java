package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Every error the bridge answers over HTTP has one shape, {"error": reason} as JSON, whoever answers it (the admin API,
 * Spring Security, the server's error page): never HTML, a stack trace or an exception's class.
 */
class ErrorAnswersApplicationTest extends BridgeApplicationTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aTextBodyOnTheAdminApiIs415() throws Exception {
        assertError(send("POST", "/api/mappings/preview", "text/plain", "{\"incident\":{}}", ADMIN_USER, ADMIN_PASSWORD), 415);
        assertError(send("POST", "/api/reconciliation/runs?dryRun=true", "text/plain", "hello", ADMIN_USER, ADMIN_PASSWORD), 415);
        assertError(send("POST", "/api/mappings/reload", "application/x-www-form-urlencoded", "a=b", ADMIN_USER, ADMIN_PASSWORD), 415);
    }

    @Test
    void aMalformedJsonBodyIs400() throws Exception {
        assertError(send("POST", "/api/mappings/preview", "application/json", "{\"incident\": {", ADMIN_USER, ADMIN_PASSWORD), 400);
        assertError(send("POST", "/api/dead-letters/1/discard", "application/json", "[1,", ADMIN_USER, ADMIN_PASSWORD), 400);
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String large = "{\"incident\":{\"name\":\"" + "x".repeat(1_100_000) + "\"}}";
        assertError(send("POST", "/api/mappings/preview", "application/json", large, ADMIN_USER, ADMIN_PASSWORD), 413);
    }

    @Test
    void aWrongMethodIs405AndAnUnknownPathIs404() throws Exception {
        assertError(send("DELETE", "/api/reconciliation/runs", null, null, ADMIN_USER, ADMIN_PASSWORD), 405);
        assertError(send("GET", "/api/no-such-thing", null, null, ADMIN_USER, ADMIN_PASSWORD), 404);
        assertError(send("GET", "/no-such-page", null, null, ADMIN_USER, ADMIN_PASSWORD), 404);
    }

    @Test
    void springSecurityAnswersInTheSameShape() throws Exception {
        assertError(send("GET", "/api/dead-letters", null, null, null, null), 401);
        assertError(send("GET", "/api/dead-letters", null, null, ADMIN_USER, "wrong-" + ADMIN_PASSWORD), 401);
        assertError(send("POST", "/api/mappings/reload", "application/json", "{}", VIEWER_USER, VIEWER_PASSWORD), 403);
        assertError(send("GET", "/error", null, null, null, null), 500);
    }

    private void assertError(HttpResponse<String> answer, int status) throws Exception {
        String context = answer.statusCode() + " " + answer.body();
        assertThat(answer.statusCode()).as(context).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(context).startsWith("application/json");
        JsonNode body = json.readTree(answer.body());
        assertThat(body.isObject() && body.size() == 1 && body.path("error").isTextual()).as(context).isTrue();
        assertThat(answer.body()).as(context).doesNotContainIgnoringCase("exception").doesNotContain("<html").doesNotContain("\tat ")
                .doesNotContain("java.").doesNotContain("jackson").doesNotContain("camel");
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, String user, String password)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
