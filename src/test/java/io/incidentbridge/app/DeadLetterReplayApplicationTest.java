package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.incidentbridge.inbox.DeadLetterReplay;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A dead letter survives in the database and a replay goes through the same sync as a webhook; replaying twice is harmless. */
class DeadLetterReplayApplicationTest extends BridgeApplicationTest {
    @Autowired
    DeadLetterReplay replay;

    @Test
    void aDeadLetterIsReplayedThroughTheNormalSyncOnce() {
        String id = newIncident("Forbidden at first").path("id").asText();
        SERVICENOW.faults().failNext(1, 403);
        webhooks().send(event("public_incident.incident_created_v2", id));
        await().atMost(PATIENCE).until(() -> deadLettersFor(id) == 1);
        assertThat(serviceNowIncidents(id)).isEmpty();

        long letter = jdbc.queryForObject("SELECT id FROM dead_letter WHERE incident_key = ?", Long.class, id);
        assertThat(replay.replay(letter)).isTrue();
        assertThat(replay.replay(letter)).isFalse();

        awaitServiceNowIncident(id, Map.of("short_description", "Forbidden at first"));
        awaitInboxDrained(id);
        assertThat(serviceNowIncidents(id)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT status FROM dead_letter WHERE id = ?", String.class, letter)).isEqualTo("REPLAYED");
    }
}
