package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentbridge.emulator.incidentio.WebhookSender;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.test.util.ReflectionTestUtils;

/** What reaches the inbox and what does not: every refusal has its status and reason, and stores nothing. */
class WebhookEdgeApplicationTest extends BridgeApplicationTest {
    private final HttpClient http = HttpClient.newHttpClient();
    @Autowired
    private SecurityFilterChain security;

    @Test
    void aBadSignatureIsRefusedWith401AndNotStored() {
        String id = newIncident("Forged").path("id").asText();
        String body = event("public_incident.incident_created_v2", id);
        long now = Instant.now().getEpochSecond();
        HttpResponse<String> forged = webhooks().post("msg_forged", now, body,
                WebhookSender.sign(WebhookSender.newSecret(), "msg_forged", now, body));
        HttpResponse<String> unsigned = webhooks().post("msg_unsigned", now, body, "");
        HttpResponse<String> stale = webhooks().post("msg_stale", now - 600, body,
                WebhookSender.sign(WEBHOOK_SECRET, "msg_stale", now - 600, body));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(stale.body()).contains("tolerance");
        assertThat(storedEvents(id)).isZero();
    }

    @Test
    void headersInTheQueryStringAreNotCredentials() throws Exception {
        String id = newIncident("Signed in the URL").path("id").asText();
        String body = event("public_incident.incident_created_v2", id);
        long now = Instant.now().getEpochSecond();
        String query = "?webhook-id=msg_in_url&webhook-timestamp=" + now + "&webhook-signature="
                + URLEncoder.encode(WebhookSender.sign(WEBHOOK_SECRET, "msg_in_url", now, body), StandardCharsets.UTF_8);
        HttpResponse<String> inUrl = http.send(HttpRequest.newBuilder(URI.create(webhookUrl() + query))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(inUrl.statusCode()).isEqualTo(401);
        assertThat(inUrl.body()).contains("missing webhook-id");
        assertThat(storedEvents(id)).isZero();
        // A query string of the sender's own does not stand in the way of a properly signed webhook.
        String signedId = "msg_query_" + id;
        HttpResponse<String> signed = http.send(HttpRequest.newBuilder(URI.create(webhookUrl() + "?source=prod&webhook-id=x"))
                .header("Content-Type", "application/json").header("webhook-id", signedId)
                .header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", WebhookSender.sign(WEBHOOK_SECRET, signedId, now, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signed.statusCode()).isEqualTo(202);
    }

    @Test
    void malformedOrUnknownShapesAreRefusedWith400AndAReason() {
        assertThat(signedPost("{\"event_type\": ").statusCode()).isEqualTo(400);
        HttpResponse<String> noPayload = signedPost("{\"event_type\":\"public_incident.incident_updated_v2\"}");
        assertThat(noPayload.statusCode()).isEqualTo(400);
        assertThat(noPayload.body()).contains("payload object");
        assertThat(signedPost("{\"event_type\":\"public_incident.incident_updated_v2\",\"public_incident.incident_updated_v2\":"
                + "{\"id\":[],\"updated_at\":1}}").statusCode()).isEqualTo(400);
    }

    @Test
    void aBodyThatIsNotUtf8IsReadAsSentAndRefusedWith400WhenSignedAnd401WhenNot() throws Exception {
        String id = newIncident("Not UTF-8").path("id").asText();
        // The name's last byte is 0xC0, which never occurs in UTF-8.
        byte[] body = event("public_incident.incident_created_v2", id).replace("Not UTF-8", "Not UTF-8 \u00c0")
                .getBytes(StandardCharsets.ISO_8859_1);
        long now = Instant.now().getEpochSecond();
        HttpResponse<String> signed = rawPost(body, "msg_not_utf8", now,
                WebhookSender.sign(WEBHOOK_SECRET, "msg_not_utf8", Long.toString(now), body));
        HttpResponse<String> unsigned = rawPost(body, "msg_not_utf8_unsigned", now, "v1,AAAA");

        assertThat(signed.statusCode()).isEqualTo(400);
        assertThat(signed.body()).contains("not UTF-8");
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(storedEvents(id)).isZero();
    }

    @Test
    void otherEventTypesAreAcceptedAndIgnored() {
        HttpResponse<String> alert = signedPost("{\"event_type\":\"public_alert.alert_created_v1\",\"public_alert.alert_created_v1\":{}}");
        assertThat(alert.statusCode()).isEqualTo(202);
        assertThat(alert.body()).contains("ignored");
    }

    @Test
    void anOversizedBodyIsRefusedWith413AndAFormBodyWith415() throws Exception {
        String huge = "{\"event_type\":\"x\",\"pad\":\"" + "a".repeat(600_000) + "\"}";
        assertThat(signedPost(huge).statusCode()).isEqualTo(413);
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(webhookUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=b")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(415);
    }

    @Test
    void onlyPostIsServedAndResponsesDoNotEchoRequestHeaders() throws Exception {
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(webhookUrl())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        HttpResponse<String> accepted = signedPost("{\"event_type\":\"schedule.updated_v1\",\"schedule.updated_v1\":{}}");
        assertThat(accepted.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("webhook-"));
    }

    @Test
    void securityHeadersAreWrittenBeforeTheRouteAnswersOnItsOwnThread() throws Exception {
        HeaderWriterFilter headers = security.getFilters().stream().filter(HeaderWriterFilter.class::isInstance)
                .map(HeaderWriterFilter.class::cast).findFirst().orElseThrow();
        assertThat(ReflectionTestUtils.getField(headers, "shouldWriteHeadersEagerly")).isEqualTo(true);
        HttpResponse<String> answer = signedPost("{\"event_type\":\"schedule.updated_v1\",\"schedule.updated_v1\":{}}");
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    private HttpResponse<String> signedPost(String body) {
        long now = Instant.now().getEpochSecond();
        String id = "msg_edge_" + System.nanoTime();
        return webhooks().post(id, now, body, WebhookSender.sign(WEBHOOK_SECRET, id, now, body));
    }

    private HttpResponse<String> rawPost(byte[] body, String webhookId, long timestamp, String signature) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(webhookUrl())).header("Content-Type", "application/json")
                .header("webhook-id", webhookId).header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String webhookUrl() {
        return "http://127.0.0.1:" + port + "/webhooks/incident-io";
    }

    private long storedEvents(String incidentId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE incident_key = ?", Long.class, incidentId);
        return count == null ? 0 : count;
    }
}
