package io.incidentbridge.inbox;

import io.incidentbridge.config.InsertIfAbsent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The durable inbox: SQL only here, always with bind parameters, portable between H2 and PostgreSQL. */
@Repository
public class InboxRepository {
    static final String PENDING = "PENDING";
    static final String DONE = "DONE";
    static final String SKIPPED = "SKIPPED";
    static final String DEAD = "DEAD";

    /** Bind parameters per IN list: well below what every driver accepts (PostgreSQL's limit is 32,767). */
    private static final int MAX_IDS_PER_STATEMENT = 500;
    private static final List<String> EVENT_COLUMNS = List.of("source", "delivery_id", "event_type", "incident_key", "payload",
            "status", "attempts", "received_at", "next_attempt_at");

    private final JdbcTemplate jdbc;
    private final InsertIfAbsent insertIfAbsent;
    private final Clock clock;

    public InboxRepository(JdbcTemplate jdbc, InsertIfAbsent insertIfAbsent, Clock clock) {
        this.jdbc = jdbc;
        this.insertIfAbsent = insertIfAbsent;
        this.clock = clock;
    }

    /**
     * Stores the event unless its delivery id was seen before (webhook-id is stable across retries).
     * Safe inside a transaction (a dead-letter replay) on PostgreSQL too: a duplicate is no error there.
     */
    public StoreResult store(InboundEvent event) {
        OffsetDateTime now = now();
        boolean stored = insertIfAbsent.insert("inbox_event", EVENT_COLUMNS, "source, delivery_id",
                event.source(), event.deliveryId(), event.eventType(), event.incidentKey(), event.payload(), PENDING, 0, now, now);
        return stored ? StoreResult.STORED : StoreResult.DUPLICATE;
    }

    /**
     * Incidents whose events are ready now, oldest first, that no live claim holds. An incident is ready when no
     * event for it has arrived for {@code quietPeriod}, or when its oldest waiting event has waited {@code maxHold}:
     * decided from the stored arrival times, so every replica agrees.
     */
    public List<String> readyIncidents(Duration quietPeriod, Duration maxHold, int limit) {
        OffsetDateTime now = now();
        return jdbc.queryForList("SELECT e.incident_key FROM inbox_event e WHERE e.status = ? AND e.next_attempt_at <= ?"
                        + " AND NOT EXISTS (SELECT 1 FROM incident_claim c WHERE c.incident_key = e.incident_key AND c.lease_until > ?)"
                        + " GROUP BY e.incident_key HAVING MAX(e.received_at) <= ? OR MIN(e.received_at) <= ?"
                        + " ORDER BY MIN(e.id) FETCH FIRST " + limit + " ROWS ONLY",
                String.class, PENDING, now, now, now.minus(quietPeriod), now.minus(maxHold));
    }

    /** Takes the per-incident claim: a fresh row, or an expired lease left by a replica that died. */
    public boolean claim(String incidentKey, String owner, Duration lease) {
        OffsetDateTime now = now();
        try {
            jdbc.update("INSERT INTO incident_claim (incident_key, owner, lease_until) VALUES (?, ?, ?)",
                    incidentKey, owner, now.plus(lease));
            return true;
        } catch (DuplicateKeyException held) {
            return jdbc.update("UPDATE incident_claim SET owner = ?, lease_until = ? WHERE incident_key = ? AND lease_until <= ?",
                    owner, now.plus(lease), incidentKey, now) == 1;
        }
    }

    /** Keeps this replica's claims alive while it works on them; a dead replica's claims simply run out. */
    public int renew(String owner, Duration lease) {
        return jdbc.update("UPDATE incident_claim SET lease_until = ? WHERE owner = ?", now().plus(lease), owner);
    }

    public void release(String incidentKey, String owner) {
        jdbc.update("DELETE FROM incident_claim WHERE incident_key = ? AND owner = ?", incidentKey, owner);
    }

    /** Lets go of every claim this replica still holds; returns how many there were. */
    public int releaseAll(String owner) {
        return jdbc.update("DELETE FROM incident_claim WHERE owner = ?", owner);
    }

    public List<StoredEvent> pendingEvents(String incidentKey, int limit) {
        return jdbc.query("SELECT id, source, delivery_id, event_type, incident_key, payload, attempts, received_at"
                        + " FROM inbox_event WHERE incident_key = ? AND status = ? AND next_attempt_at <= ? ORDER BY id FETCH FIRST "
                        + limit + " ROWS ONLY",
                InboxRepository::event, incidentKey, PENDING, now());
    }

    public void markDone(List<Long> ids) {
        finish(ids, DONE, null);
    }

    public void markSkipped(List<Long> ids, String reason) {
        finish(ids, SKIPPED, reason);
    }

    public void markDead(List<Long> ids, String reason) {
        finish(ids, DEAD, reason);
    }

    /** Puts the events back for a later attempt: the durable half of the retry policy. */
    public void reschedule(List<Long> ids, Duration delay, String error) {
        OffsetDateTime now = now();
        forEachChunk(ids, chunk -> jdbc.update("UPDATE inbox_event SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?"
                + " WHERE status = ? AND id IN (" + placeholders(chunk.size()) + ")",
                values(chunk, now.plus(delay), truncate(error), PENDING)));
    }

    /** Status and last error of one stored event, e.g. "DONE" or "DEAD: ServiceNow answered 403 ...". */
    public String status(String source, String deliveryId) {
        return jdbc.query("SELECT status, last_error FROM inbox_event WHERE source = ? AND delivery_id = ?",
                (rs, row) -> rs.getString(1) + (rs.getString(2) == null ? "" : ": " + rs.getString(2)), source, deliveryId)
                .stream().findFirst().orElse("unknown");
    }

    /** Age of the oldest event still waiting, in seconds (0 when none waits). */
    public long oldestPendingAgeSeconds() {
        OffsetDateTime oldest = jdbc.query("SELECT MIN(received_at) FROM inbox_event WHERE status = ?",
                (rs, row) -> rs.getObject(1, OffsetDateTime.class), PENDING).stream().filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toSeconds());
    }

    public long backlog() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE status = ?", Long.class, PENDING);
        return count == null ? 0 : count;
    }

    /**
     * One statement (and so one commit) for an incident's events, not one per event: a burst's events are finished
     * together, and each commit is a write to H2's file that the webhooks' inserts wait behind.
     */
    private void finish(List<Long> ids, String status, String note) {
        OffsetDateTime now = now();
        forEachChunk(ids, chunk -> jdbc.update("UPDATE inbox_event SET status = ?, processed_at = ?, last_error = ?"
                + " WHERE status = ? AND id IN (" + placeholders(chunk.size()) + ")",
                values(chunk, status, now, truncate(note), PENDING)));
    }

    private static void forEachChunk(List<Long> ids, java.util.function.Consumer<List<Long>> update) {
        for (int from = 0; from < ids.size(); from += MAX_IDS_PER_STATEMENT) {
            update.accept(ids.subList(from, Math.min(ids.size(), from + MAX_IDS_PER_STATEMENT)));
        }
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** The leading values, then the ids: bound in the order the statement names them. */
    private static Object[] values(List<Long> ids, Object... leading) {
        Object[] values = java.util.Arrays.copyOf(leading, leading.length + ids.size());
        for (int i = 0; i < ids.size(); i++) {
            values[leading.length + i] = ids.get(i);
        }
        return values;
    }

    private static StoredEvent event(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(rs.getLong("id"), rs.getString("source"), rs.getString("delivery_id"),
                rs.getString("event_type"), rs.getString("incident_key"), rs.getString("payload"),
                rs.getInt("attempts"), rs.getObject("received_at", OffsetDateTime.class));
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
