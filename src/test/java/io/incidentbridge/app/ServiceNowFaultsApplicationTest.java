package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.incidentbridge.emulator.incidentio.WebhookSender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ServiceNow misbehaves for a while, then recovers: everything lands, once. A 400 is a dead letter with its cause. */
class ServiceNowFaultsApplicationTest extends BridgeApplicationTest {

    @Test
    void errorsRateLimitsAndTimeoutsForAWhileThenEverythingLandsOnce() {
        SERVICENOW.faults().seed(7).errorRate(0.4, 503).rateLimitNext(5, 1).hangNext(3, Duration.ofSeconds(4));
        List<String> ids = sendIncidents("Flaky", 20);
        for (int i = 0; i < ids.size(); i += 2) {
            String id = ids.get(i);
            INCIDENTIO.setStatus(id, "Documenting");
            webhooks().send(event("public_incident.incident_status_updated_v2", id));
        }
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
        SERVICENOW.faults().reset();

        for (int i = 0; i < ids.size(); i++) {
            awaitServiceNowIncident(ids.get(i), Map.of("state", i % 2 == 0 ? "6" : "2"));
        }
        ids.forEach(this::awaitInboxDrained);
        ids.forEach(id -> assertThat(serviceNowIncidents(id)).as("records for " + id).hasSize(1));
        ids.forEach(id -> assertThat(deadLettersFor(id)).isZero());
    }

    @Test
    void anOutageIsWaitedOutDurablyInTheInbox() {
        SERVICENOW.faults().outage(true);
        List<String> ids = sendIncidents("During outage", 5);
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM inbox_event WHERE incident_key = ? AND attempts > 0", Long.class, ids.get(0)) > 0);
        assertThat(serviceNowIncidents(ids.get(0))).isEmpty();

        SERVICENOW.faults().outage(false);
        ids.forEach(id -> awaitServiceNowIncident(id, Map.of("state", "2")));
        ids.forEach(id -> assertThat(serviceNowIncidents(id)).hasSize(1));
    }

    @Test
    void aBadRequestGoesStraightToTheDeadLetterStoreWithItsCause() {
        warmUp();
        String id = newIncident("Rejected by ServiceNow").path("id").asText();
        SERVICENOW.faults().failNext(1, 400);
        webhooks().send(event("public_incident.incident_created_v2", id));

        await().atMost(PATIENCE).until(() -> deadLettersFor(id) == 1);
        Map<String, Object> letter = jdbc.queryForMap("SELECT * FROM dead_letter WHERE incident_key = ?", id);
        assertThat(letter.get("ERROR_KIND")).isEqualTo("http-400");
        assertThat((String) letter.get("ERROR_MESSAGE")).contains("ServiceNow answered 400");
        assertThat((String) letter.get("ORIGINAL_EVENTS")).contains("public_incident.incident_created_v2").contains(id);
        assertThat(jdbc.queryForObject("SELECT status FROM inbox_event WHERE incident_key = ?", String.class, id)).isEqualTo("DEAD");
    }

    private List<String> sendIncidents(String prefix, int count) {
        WebhookSender sender = webhooks();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = newIncident(prefix + " " + i).path("id").asText();
            ids.add(id);
            sender.send(event("public_incident.incident_created_v2", id));
        }
        return ids;
    }
}
