package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentbridge.inbox.ClaimedIncident;
import io.incidentbridge.inbox.DeadLetterReplay;
import io.incidentbridge.inbox.DeadLetterRepository;
import io.incidentbridge.inbox.InboundEvent;
import io.incidentbridge.inbox.InboxRepository;
import io.incidentbridge.inbox.StoredEvent;
import io.incidentbridge.incidentio.IncidentIoEventParser;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A dead letter survives in the database and a replay goes through the same sync as a webhook; replaying twice is harmless. */
class DeadLetterReplayApplicationTest extends BridgeApplicationTest {
    private static final String CREATED = "public_incident.incident_created_v2";
    private static final String UPDATED = "public_incident.incident_updated_v2";

    @Autowired
    DeadLetterReplay replay;

    @Autowired
    DeadLetterRepository deadLetters;

    @Autowired
    InboxRepository inbox;

    @Test
    void aDeadLetterIsReplayedThroughTheNormalSyncOnce() {
        warmUp();
        String id = newIncident("Forbidden at first").path("id").asText();
        SERVICENOW.faults().failNext(1, 403);
        NotifyBuilder firstSync = syncsOf(id, 1);
        webhooks().send(event("public_incident.incident_created_v2", id));
        assertThat(finished(firstSync)).as("the first sync of " + id + " ended").isTrue();
        assertThat(deadLettersFor(id)).isEqualTo(1);
        assertThat(serviceNowIncidents(id)).isEmpty();

        long letter = jdbc.queryForObject("SELECT id FROM dead_letter WHERE incident_key = ?", Long.class, id);
        assertThat(replay.replay(letter)).isTrue();
        assertThat(replay.replay(letter)).isFalse();

        awaitServiceNowIncident(id, Map.of("short_description", "Forbidden at first"));
        awaitInboxDrained(id);
        assertThat(serviceNowIncidents(id)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT status FROM dead_letter WHERE id = ?", String.class, letter)).isEqualTo("REPLAYED");
    }

    /**
     * A replay is one transaction (resolve the letter, put its events back). An event that is back in the inbox
     * already is skipped without an error: on PostgreSQL a failed statement would abort the whole transaction.
     */
    @Test
    void aReplayWhoseFirstEventIsAlreadyBackInTheInboxStillCompletes() {
        String id = newIncident("Half replayed").path("id").asText();
        String created = event(CREATED, id);
        String updated = event(UPDATED, id);
        OffsetDateTime received = OffsetDateTime.now(ZoneOffset.UTC);
        deadLetters.store(new ClaimedIncident(id, List.of(
                new StoredEvent(0, IncidentIoEventParser.SOURCE, "msg_a_" + id, CREATED, id, created, 3, received),
                new StoredEvent(0, IncidentIoEventParser.SOURCE, "msg_b_" + id, UPDATED, id, updated, 3, received))),
                "permanent", "ServiceNow answered 403");
        long letter = jdbc.queryForObject("SELECT id FROM dead_letter WHERE incident_key = ?", Long.class, id);
        inbox.store(new InboundEvent(IncidentIoEventParser.SOURCE, "replay-" + letter + "-msg_a_" + id, CREATED, id, created));

        assertThat(replay.replay(letter)).isTrue();

        assertThat(jdbc.queryForObject("SELECT status FROM dead_letter WHERE id = ?", String.class, letter)).isEqualTo("REPLAYED");
        assertThat(jdbc.queryForList("SELECT delivery_id FROM inbox_event WHERE incident_key = ? ORDER BY id", String.class, id))
                .containsExactly("replay-" + letter + "-msg_a_" + id, "replay-" + letter + "-msg_b_" + id);
        awaitServiceNowIncident(id, Map.of("short_description", "Half replayed"));
        awaitInboxDrained(id);
        assertThat(serviceNowIncidents(id)).hasSize(1);
    }
}
