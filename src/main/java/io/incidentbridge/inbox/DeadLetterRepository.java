package io.incidentbridge.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The persisted dead-letter channel. Original events are kept whole so a replay is the same work again. */
@Repository
public class DeadLetterRepository {
    public static final String OPEN = "OPEN";
    public static final String REPLAYED = "REPLAYED";
    public static final String DISCARDED = "DISCARDED";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public DeadLetterRepository(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public void store(ClaimedIncident work, String errorKind, String errorMessage) {
        ArrayNode events = json.createArrayNode();
        for (StoredEvent event : work.events()) {
            ObjectNode node = events.addObject();
            node.put("delivery_id", event.deliveryId());
            node.put("event_type", event.eventType());
            node.put("payload", event.payload());
        }
        String types = work.events().stream().map(StoredEvent::eventType).distinct().collect(Collectors.joining(","));
        OffsetDateTime firstReceived = work.events().stream().map(StoredEvent::receivedAt).min(OffsetDateTime::compareTo)
                .orElse(now());
        jdbc.update("INSERT INTO dead_letter (source, incident_key, event_types, original_events, error_kind, error_message,"
                        + " attempts, first_received_at, created_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                work.events().get(0).source(), work.incidentKey(), truncate(types, 2000), events.toString(), errorKind,
                truncate(errorMessage, 4000), work.attempts() + 1, firstReceived, now(), OPEN);
    }

    public List<DeadLetter> open() {
        return jdbc.query(SELECT + " WHERE status = ? ORDER BY id", this::deadLetter, OPEN);
    }

    /** Dead letters matching every filter that is set (null = any), newest first, at most {@code limit}. */
    public List<DeadLetter> matching(DeadLetterFilter filter, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new java.util.ArrayList<>();
        if (filter.status() != null) {
            where.append(" AND status = ?");
            args.add(filter.status());
        }
        if (filter.kind() != null) {
            where.append(" AND error_kind = ?");
            args.add(filter.kind());
        }
        if (filter.incident() != null) {
            where.append(" AND incident_key = ?");
            args.add(filter.incident());
        }
        if (filter.errorContains() != null) {
            where.append(" AND error_message LIKE ?");
            args.add(filter.errorPattern());
        }
        if (filter.since() != null) {
            where.append(" AND created_at >= ?");
            args.add(filter.since());
        }
        args.add(limit);
        return jdbc.query(SELECT + where + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY", this::deadLetter, args.toArray());
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc.query(SELECT + " WHERE id = ?", this::deadLetter, id).stream().findFirst();
    }

    public boolean resolve(long id, String status, String note) {
        return jdbc.update("UPDATE dead_letter SET status = ?, resolved_at = ?, resolution_note = ? WHERE id = ? AND status = ?",
                status, now(), truncate(note, 2000), id, OPEN) == 1;
    }

    public long countOpen() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE status = ?", Long.class, OPEN);
        return count == null ? 0 : count;
    }

    public long countOpen(String errorKind) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE status = ? AND error_kind = ?", Long.class,
                OPEN, errorKind);
        return count == null ? 0 : count;
    }

    /** Every error kind a dead letter has ever had (the metrics show the open ones of each). */
    public List<String> errorKinds() {
        return jdbc.queryForList("SELECT DISTINCT error_kind FROM dead_letter", String.class);
    }

    private static final String SELECT = "SELECT id, source, incident_key, event_types, original_events, error_kind, error_message,"
            + " attempts, first_received_at, created_at, status FROM dead_letter";

    private DeadLetter deadLetter(ResultSet rs, int row) throws SQLException {
        return new DeadLetter(rs.getLong("id"), rs.getString("source"), rs.getString("incident_key"), rs.getString("event_types"),
                rs.getString("original_events"), rs.getString("error_kind"), rs.getString("error_message"), rs.getInt("attempts"),
                rs.getObject("first_received_at", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("status"));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
