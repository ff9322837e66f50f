package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentbridge.ops.ExpiredRecords;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * bridge.retention: done and skipped events go after 14 days, replayed and discarded dead letters after 90, callback
 * message ids after ten minutes, in batches; open dead letters and what is still to do stay, however old. The SQL runs
 * on H2 and, in the postgres pass, on PostgreSQL.
 */
class RetentionApplicationTest extends BridgeApplicationTest {
    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    @Autowired
    private ExpiredRecords expiredRecords;

    @Test
    void expiredRecordsGoInBatchesAndOpenDeadLettersAndPendingWorkStay() throws Exception {
        String key = "retention-" + UUID.randomUUID();
        // More old done events than one batch (1,000), so that the run takes several.
        List<Object[]> oldDone = new ArrayList<>();
        for (int i = 0; i < 2_345; i++) {
            oldDone.add(event(key + "-done", "old-done-" + i, "DONE", NOW.minusDays(15)));
        }
        jdbc.batchUpdate(INSERT_EVENT, oldDone);
        jdbc.update(INSERT_EVENT, event(key + "-skipped", "old-skipped", "SKIPPED", NOW.minusDays(20)));
        jdbc.update(INSERT_EVENT, event(key + "-recent", "recent-done", "DONE", NOW.minusDays(13)));
        jdbc.update(INSERT_EVENT, event(key + "-pending", "old-pending", "PENDING", null));
        jdbc.update(INSERT_EVENT, event(key + "-open", "old-dead-open", "DEAD", NOW.minusDays(400)));
        jdbc.update(INSERT_EVENT, event(key + "-settled", "old-dead-settled", "DEAD", NOW.minusDays(91)));
        letter(key + "-open", "OPEN", NOW.minusDays(400), null);
        letter(key + "-settled", "DISCARDED", NOW.minusDays(120), NOW.minusDays(91));
        letter(key + "-replayed-old", "REPLAYED", NOW.minusDays(120), NOW.minusDays(100));
        letter(key + "-replayed-recent", "REPLAYED", NOW.minusDays(120), NOW.minusDays(89));
        jdbc.update("INSERT INTO servicenow_callback_message (message_id, received_at) VALUES (?, ?)", key + "-old", NOW.minusMinutes(11));
        jdbc.update("INSERT INTO servicenow_callback_message (message_id, received_at) VALUES (?, ?)", key + "-new", NOW.minusMinutes(1));
        double before = removedMetric("inbox_event");

        Map<String, Integer> removed = expiredRecords.remove();

        assertThat(removed.get("inbox_event")).isGreaterThanOrEqualTo(2_345 + 1 + 1);
        assertThat(events(key + "-done")).isZero();
        assertThat(events(key + "-skipped")).isZero();
        assertThat(events(key + "-settled")).isZero();
        assertThat(events(key + "-recent")).isEqualTo(1);
        assertThat(events(key + "-pending")).isEqualTo(1);
        assertThat(events(key + "-open")).as("the inbox copy of an incident with an open dead letter").isEqualTo(1);
        assertThat(letters(key + "-open")).as("an open dead letter, 400 days old").isEqualTo(1);
        assertThat(letters(key + "-settled")).isZero();
        assertThat(letters(key + "-replayed-old")).isZero();
        assertThat(letters(key + "-replayed-recent")).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT message_id FROM servicenow_callback_message WHERE message_id LIKE ?",
                String.class, key + "%")).containsExactly(key + "-new");
        assertThat(removedMetric("inbox_event") - before).isEqualTo(removed.get("inbox_event").doubleValue());
        assertThat(removedMetric("dead_letter")).isGreaterThanOrEqualTo(2);

        // A second run finds nothing more of them.
        expiredRecords.remove();
        assertThat(events(key + "-recent") + events(key + "-pending") + events(key + "-open")).isEqualTo(3);
    }

    @Test
    void theCleanUpIsAScheduledRouteOfItsOwn() {
        assertThat(camel.getRouteController().getRouteStatus("remove-expired-records").isStarted()).isTrue();
        assertThat(camel.getRoute("remove-expired-records").getEndpoint().getEndpointUri()).startsWith("quartz://retention/");
    }

    private static final String INSERT_EVENT = "INSERT INTO inbox_event (source, delivery_id, event_type, incident_key, payload,"
            + " status, attempts, received_at, next_attempt_at, processed_at) VALUES ('incident.io', ?, 'public_incident.incident_updated_v2',"
            + " ?, '{\"private\":\"text\"}', ?, 1, ?, ?, ?)";

    private static Object[] event(String key, String delivery, String status, OffsetDateTime processedAt) {
        OffsetDateTime received = processedAt == null ? NOW.minusDays(30) : processedAt.minusMinutes(1);
        // Pending work waits far in the future, so no worker of the shared context picks it up.
        OffsetDateTime next = processedAt == null ? NOW.plusYears(1) : received;
        return new Object[] {key + ":" + delivery, key, status, received, next, processedAt};
    }

    private void letter(String key, String status, OffsetDateTime created, OffsetDateTime resolved) {
        jdbc.update("INSERT INTO dead_letter (source, incident_key, event_types, original_events, error_kind, error_message,"
                + " attempts, first_received_at, created_at, status, resolved_at) VALUES ('incident.io', ?, 'x', '[]', 'http-400',"
                + " 'refused', 1, ?, ?, ?, ?)", key, created, created, status, resolved);
    }

    private long events(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE incident_key = ?", Long.class, key);
    }

    private long letters(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE incident_key = ?", Long.class, key);
    }

    private double removedMetric(String table) throws Exception {
        String metrics = new AdminClient(port).call("GET", "/actuator/prometheus", VIEWER_USER, VIEWER_PASSWORD).body();
        Matcher value = Pattern.compile("bridge_retention_removed_total\\{table=\"" + table + "\"} ([0-9.E]+)").matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
