package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.incidentbridge.emulator.incidentio.IncidentIoEmulator;
import io.incidentbridge.emulator.incidentio.WebhookSender;
import io.incidentbridge.emulator.servicenow.ServiceNowEmulator;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Metrics an operator scrapes, health an orchestrator polls, and no secret anywhere an operator can look. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsApplicationTest extends BridgeApplicationTest {
    @Test
    void prometheusShowsEventsLatencyBacklogDeadLettersServiceNowCallsAndTokens() throws Exception {
        String id = newIncident("Metrics").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        awaitServiceNowIncident(id, Map.of("state", "2"));
        awaitInboxDrained(id);

        String metrics = get("/actuator/prometheus", VIEWER_USER, VIEWER_PASSWORD).body();
        assertThat(metrics)
                .contains("bridge_events_received_total{result=\"stored\",type=\"public_incident.incident_created_v2\"}")
                .contains("bridge_events_processed_total{outcome=\"done\",type=\"public_incident.incident_created_v2\"}")
                .contains("bridge_sync_latency_seconds_bucket")
                .contains("bridge_inbox_backlog").contains("bridge_inbox_oldest_age_seconds").contains("bridge_dead_letters_open")
                .contains("bridge_servicenow_calls_total{method=\"POST\",status=\"201\",table=\"incident\"}")
                .contains("bridge_servicenow_token_requests_total{grant=\"password\"}");
    }

    @Test
    void healthShowsDatabaseServiceNowAndInboxToLoggedInUsers() throws Exception {
        String health = get("/actuator/health", VIEWER_USER, VIEWER_PASSWORD).body();
        assertThat(health).contains("\"db\"").contains("\"servicenow\"").contains("\"inbox\"").contains("backlog");
        String readiness = get("/actuator/health/readiness", null, null).body();
        assertThat(readiness).contains("UP");
    }

    @Test
    void noSecretAppearsInLogsAnswersOrDeadLetters(CapturedOutput output) throws Exception {
        warmUp();
        SERVICENOW.revokeAllTokens();
        String id = newIncident("Secrets").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        awaitServiceNowIncident(id, Map.of("state", "2"));
        String forged = event("public_incident.incident_updated_v2", id);
        long now = Instant.now().getEpochSecond();
        webhooks().post("msg_forged_secret", now, forged, WebhookSender.sign(WebhookSender.newSecret(), "msg_forged_secret", now, forged));
        SERVICENOW.faults().failNext(1, 400);
        String rejected = newIncident("Secrets rejected").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", rejected));
        await().atMost(PATIENCE).until(() -> deadLettersFor(rejected) == 1);

        List<String> seen = new ArrayList<>();
        seen.add(output.getAll());
        for (String path : List.of("/api/dead-letters", "/api/connection", "/actuator/health", "/actuator/prometheus",
                "/actuator/metrics", "/api/links/" + id)) {
            seen.add(get(path, ADMIN_USER, ADMIN_PASSWORD).body());
        }
        seen.add(jdbc.queryForList("SELECT error_message, original_events FROM dead_letter").toString());
        seen.add(everyReadableJmxAttribute());
        assertThat(get("/actuator/env", ADMIN_USER, ADMIN_PASSWORD).statusCode()).isEqualTo(404);
        assertThat(get("/actuator/configprops", ADMIN_USER, ADMIN_PASSWORD).statusCode()).isEqualTo(404);
        seen.add(jdbc.queryForList("SELECT last_error FROM inbox_event").toString());
        for (String secret : List.of(ServiceNowEmulator.CLIENT_SECRET, ServiceNowEmulator.PASSWORD, IncidentIoEmulator.API_KEY,
                WEBHOOK_SECRET, WEBHOOK_SECRET.substring("whsec_".length()), ADMIN_PASSWORD, VIEWER_PASSWORD)) {
            for (String place : seen) {
                assertThat(place).as("a secret leaked").doesNotContain(secret);
            }
        }
    }

    /** What Hawtio and any JMX client can read: every attribute of every MBean in this JVM, as text. */
    private static String everyReadableJmxAttribute() throws Exception {
        javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        StringBuilder all = new StringBuilder();
        for (javax.management.ObjectName name : server.queryNames(null, null)) {
            for (javax.management.MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                if (!attribute.isReadable()) {
                    continue;
                }
                try {
                    all.append(name).append(' ').append(attribute.getName()).append('=')
                            .append(server.getAttribute(name, attribute.getName())).append('\n');
                } catch (Exception | LinkageError unreadable) {
                    // Some platform attributes cannot be read in this JVM (unsupported operations): nothing to leak there.
                    all.append(name).append(' ').append(attribute.getName()).append(" unreadable\n");
                }
            }
        }
        return all.toString();
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        return new AdminClient(port).call("GET", path, user, password);
    }
}
