package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who may change what, and how: programs with HTTP Basic (no session, no CSRF token), browsers with a session and the
 * CSRF token, never a session cookie alone; what Jolokia lets even the admin do; and the session cookie's flags.
 */
class AdminAccessApplicationTest extends BridgeApplicationTest {
    private static final String RUNTIME_READ = "{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\",\"attribute\":\"VmName\"}";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aSessionCookieAloneChangesNothingAndWithTheCsrfTokenItWorks() throws Exception {
        BrowserSession browser = new BrowserSession(port);
        assertThat(browser.logIn(ADMIN_USER, ADMIN_PASSWORD).statusCode()).isEqualTo(302);
        assertThat(browser.cookie("JSESSIONID")).isNotNull();
        long runs = reconciliationRuns();

        for (String path : List.of("/api/reconciliation/runs?dryRun=true", "/api/dead-letters/replay", "/api/mappings/reload",
                "/api/mappings/validate", "/actuator/jolokia/")) {
            HttpResponse<String> forged = browser.post(path, path.contains("jolokia") ? RUNTIME_READ : "{}", false);
            assertThat(forged.statusCode()).as(path).isEqualTo(403);
            assertThat(json.readTree(forged.body()).path("error").asText()).as(path).contains("CSRF");
        }
        assertThat(reconciliationRuns()).isEqualTo(runs);

        HttpResponse<String> validated = browser.post("/api/mappings/validate", "{}", true);
        assertThat(validated.statusCode()).isEqualTo(200);
        HttpResponse<String> read = browser.post("/actuator/jolokia/", RUNTIME_READ, true);
        assertThat(json.readTree(read.body()).path("status").asInt()).as(read.body()).isEqualTo(200);
        assertThat(json.readTree(read.body()).path("value").asText()).isNotBlank();
    }

    @Test
    void basicCredentialsWorkWithoutATokenAndCreateNoSession() throws Exception {
        HttpResponse<String> validated = basic("POST", "/api/mappings/validate", "{}", Map.of());
        assertThat(validated.statusCode()).isEqualTo(200);
        HttpResponse<String> listed = basic("GET", "/api/dead-letters", null, Map.of());
        assertThat(listed.statusCode()).isEqualTo(200);
        for (HttpResponse<String> answer : List.of(validated, listed)) {
            assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
        }
        // Credentials a browser remembered do not let a foreign page in: a cross-origin request still needs the token.
        HttpResponse<String> crossSite = basic("POST", "/api/mappings/validate", "{}",
                Map.of("Origin", "http://evil.example", "Sec-Fetch-Site", "cross-site"));
        assertThat(crossSite.statusCode()).isEqualTo(403);
    }

    @Test
    void theSessionCookieIsStrictHttpOnlyAndSecureBehindATlsIngress() throws Exception {
        HttpResponse<String> plain = new BrowserSession(port).logIn(ADMIN_USER, ADMIN_PASSWORD);
        String cookie = sessionCookie(plain);
        assertThat(cookie).contains("SameSite=Strict").contains("HttpOnly").doesNotContain("Secure");

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "198.51.100.20").build(),
                HttpResponse.BodyHandlers.ofString());
        String xsrf = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN")).findFirst().orElseThrow();
        assertThat(xsrf).contains("Secure").contains("SameSite=Strict");
        assertThat(page.body()).contains("name=\"_csrf\"");
        String token = page.body().replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> behindIngress = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "198.51.100.20")
                .header("Cookie", xsrf.split(";", 2)[0])
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + ADMIN_USER + "&password=" + ADMIN_PASSWORD + "&_csrf="
                        + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sessionCookie(behindIngress)).contains("Secure").contains("SameSite=Strict").contains("HttpOnly");
    }

    @Test
    void jolokiaReadsTheRuntimeButRefusesHeapDumpsDiagnosticCommandsAndForeignOrigins() throws Exception {
        JsonNode runtime = jolokia(RUNTIME_READ, Map.of());
        assertThat(runtime.path("status").asInt()).as(runtime.toString()).isEqualTo(200);
        assertThat(runtime.path("value").asText()).isNotBlank();
        JsonNode camel = jolokia("{\"type\":\"read\",\"mbean\":\"org.apache.camel:context=incident-bridge,type=context,name=\\\"incident-bridge\\\"\","
                + "\"attribute\":\"State\"}", Map.of());
        assertThat(camel.path("value").asText()).as(camel.toString()).isEqualTo("Started");

        Path dump = Files.createTempDirectory("heap").resolve("bridge.hprof");
        JsonNode heapDump = jolokia("{\"type\":\"exec\",\"mbean\":\"com.sun.management:type=HotSpotDiagnostic\","
                + "\"operation\":\"dumpHeap\",\"arguments\":[\"" + dump + "\",true]}", Map.of());
        assertThat(heapDump.path("status").asInt()).as(heapDump.toString()).isEqualTo(403);
        assertThat(dump).doesNotExist();
        JsonNode diagnostic = jolokia("{\"type\":\"exec\",\"mbean\":\"com.sun.management:type=DiagnosticCommand\","
                + "\"operation\":\"vmSystemProperties\"}", Map.of());
        assertThat(diagnostic.path("status").asInt()).as(diagnostic.toString()).isEqualTo(403);
        JsonNode options = jolokia("{\"type\":\"read\",\"mbean\":\"com.sun.management:type=HotSpotDiagnostic\"}", Map.of());
        assertThat(options.path("status").asInt()).as(options.toString()).isEqualTo(403);
        JsonNode gc = jolokia("{\"type\":\"exec\",\"mbean\":\"java.lang:type=Memory\",\"operation\":\"gc\"}", Map.of());
        assertThat(gc.path("status").asInt()).as("java.lang is read-only").isEqualTo(403);
        JsonNode logging = jolokia("{\"type\":\"exec\",\"mbean\":\"java.util.logging:type=Logging\",\"operation\":\"setLoggerLevel\","
                + "\"arguments\":[\"\",\"OFF\"]}", Map.of());
        assertThat(logging.path("status").asInt()).as("what the policy does not name is denied").isEqualTo(403);

        // Strict origin checking: a page of another origin is refused even with the admin's credentials.
        HttpResponse<String> foreign = basic("POST", "/actuator/jolokia/", RUNTIME_READ, Map.of("Origin", "http://evil.example"));
        assertThat(foreign.statusCode() == 403 || json.readTree(foreign.body()).path("status").asInt() == 403)
                .as(foreign.body()).isTrue();
        JsonNode ownOrigin = jolokia(RUNTIME_READ, Map.of("Origin", "http://127.0.0.1:" + port));
        assertThat(ownOrigin.path("status").asInt()).as(ownOrigin.toString()).isEqualTo(200);
        // GET may look, never change: a read answers, an exec or write in the URL is refused before Jolokia sees it.
        HttpResponse<String> get = basic("GET", "/actuator/jolokia/read/java.lang:type=Runtime/VmName", null, Map.of());
        assertThat(get.body()).as(get.body()).contains("\"status\":200");
        assertThat(basic("GET", "/actuator/jolokia/exec/java.lang:type=Memory/gc", null, Map.of()).statusCode()).isEqualTo(403);
        assertThat(basic("GET", "/actuator/jolokia/write/org.apache.camel:context=incident-bridge,type=context,name=%22incident-bridge%22/Tracing/true",
                null, Map.of()).statusCode()).isEqualTo(403);
        assertThat(basic("GET", "/actuator/jolokia/?p=/exec/java.lang:type=Memory/gc", null, Map.of()).statusCode()).isEqualTo(403);
        assertThat(basic("GET", "/actuator/jolokia/read/com.sun.management:type=HotSpotDiagnostic", null, Map.of()).body())
                .doesNotContain("\"status\":200");
    }

    private JsonNode jolokia(String request, Map<String, String> headers) throws Exception {
        HttpResponse<String> answer = basic("POST", "/actuator/jolokia/", request, headers);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("stacktrace").doesNotContain("\tat ");
        return json.readTree(answer.body());
    }

    private HttpResponse<String> basic(String method, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((ADMIN_USER + ":" + ADMIN_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpResponse<String> answer) {
        return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + answer.headers().map()));
    }

    private long reconciliationRuns() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM reconciliation_run", Long.class);
    }
}
