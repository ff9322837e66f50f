package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.incidentbridge.backsync.ServiceNowPoller;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Without callbacks, polling brings the same changes back: each once, even when a poll overlaps the last one. */
class ServiceNowPollingApplicationTest extends BridgeApplicationTest {
    @Autowired
    ServiceNowPoller poller;

    @Test
    void aResolveAndAWorkNoteArriveByPollingOnceAndTheOverlapAppliesNothingTwice() {
        String id = newIncident("Resolved while nobody listened").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        Map<String, String> record = awaitServiceNowIncident(id, Map.of("state", "2"));
        awaitInboxDrained(id);
        poller.poll();

        SERVICENOW.update("incident", record.get("sys_id"), Map.of("state", "6", "close_code", "Solution provided",
                "work_notes", "Fixed by a config rollback"), "beth.anglin");
        assertThat(poller.poll()).isGreaterThanOrEqualTo(1);
        await().atMost(PATIENCE).until(() -> "learning".equals(INCIDENTIO.incident(id).path("incident_status").path("category").asText()));
        awaitInboxDrained(id);
        long edits = INCIDENTIO.count("POST", "/v2/incidents/" + id + "/actions/edit");

        // The next polls overlap the last one (the boundary second and more): nothing is stored or applied again.
        assertThat(poller.poll()).isZero();
        assertThat(poller.poll()).isZero();
        awaitInboxDrained(id);
        assertThat(INCIDENTIO.count("POST", "/v2/incidents/" + id + "/actions/edit")).isEqualTo(edits);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE source = 'servicenow' AND incident_key = ?",
                Long.class, id)).isEqualTo(1);
    }
}
