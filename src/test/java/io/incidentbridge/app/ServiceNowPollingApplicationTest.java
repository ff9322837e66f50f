package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.incidentbridge.backsync.ServiceNowPoller;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Without callbacks, polling brings the same changes back: each once, even when a poll overlaps the last one, and a
 * change stamped with the watermark's own second is neither missed nor applied twice.
 */
class ServiceNowPollingApplicationTest extends BridgeApplicationTest {
    @Autowired
    ServiceNowPoller poller;

    @Test
    void withCallbacksOffTheScheduledPollBringsAResolveBackWithinOneInterval() throws Exception {
        String id = newIncident("Resolved with polling on").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        Map<String, String> record = awaitServiceNowIncident(id, Map.of("state", "2"));
        awaitInboxDrained(id);
        camel.getRouteController().startRoute("poll-servicenow-for-changes");
        try {
            SERVICENOW.update("incident", record.get("sys_id"), Map.of("state", "6", "close_code", "Solution provided",
                    "work_notes", "Rolled back the release"), "beth.anglin");
            Instant changed = Instant.now();
            // The Quartz-scheduled poll runs every second here (bridge.back-sync.poll-interval).
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    "learning".equals(INCIDENTIO.incident(id).path("incident_status").path("category").asText()));
            assertThat(Duration.between(changed, Instant.now())).isLessThan(Duration.ofSeconds(5));
            awaitInboxDrained(id);
            Thread.sleep(2500);
            assertThat(INCIDENTIO.count("POST", "/v2/incidents/" + id + "/actions/edit")).as("one edit, however many polls").isEqualTo(1);
        } finally {
            camel.getRouteController().stopRoute("poll-servicenow-for-changes");
        }
    }

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

    @Test
    void aChangeInTheSameSecondAsTheWatermarkIsPickedUpByTheNextPollExactlyOnce() {
        String id = newIncident("Two notes in one second").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        Map<String, String> record = awaitServiceNowIncident(id, Map.of("state", "2"));
        awaitInboxDrained(id);
        poller.poll();

        // A poll runs between two changes that ServiceNow stamps with the same second (sys_updated_on has whole
        // seconds): the poll sets the watermark to that second, and the second change lands on it.
        String stamp = null;
        String lateNote = null;
        for (int attempt = 0; attempt < 10 && lateNote == null; attempt++) {
            SERVICENOW.update("incident", record.get("sys_id"), Map.of("work_notes", "Early note " + attempt), "beth.anglin");
            String early = SERVICENOW.record("incident", record.get("sys_id")).orElseThrow().get("sys_updated_on");
            poller.poll();
            SERVICENOW.update("incident", record.get("sys_id"), Map.of("work_notes", "Late note " + attempt), "beth.anglin");
            stamp = SERVICENOW.record("incident", record.get("sys_id")).orElseThrow().get("sys_updated_on");
            if (stamp.equals(early)) {
                lateNote = "Late note " + attempt;
            }
        }
        assertThat(lateNote).as("two changes within one second").isNotNull();

        assertThat(poller.poll()).as("the change at the watermark second").isEqualTo(1);
        assertThat(poller.poll()).as("and not again").isZero();
        String expectedNote = lateNote;
        await().atMost(PATIENCE).until(() -> serviceNowNotes(id).contains(expectedNote));
        awaitInboxDrained(id);
        assertThat(serviceNowNotes(id).split(expectedNote, -1)).as("the late note shown once").hasSize(2);
    }
}
