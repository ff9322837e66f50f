package io.incidentbridge.sync;

import io.incidentbridge.config.InsertIfAbsent;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Which incident.io updates are already journal entries in ServiceNow. */
@Repository
public class WrittenNoteRepository {
    private static final List<String> COLUMNS = List.of("incident_id", "update_id", "written_at");

    private final JdbcTemplate jdbc;
    private final InsertIfAbsent insertIfAbsent;
    private final Clock clock;

    public WrittenNoteRepository(JdbcTemplate jdbc, InsertIfAbsent insertIfAbsent, Clock clock) {
        this.jdbc = jdbc;
        this.insertIfAbsent = insertIfAbsent;
        this.clock = clock;
    }

    public Set<String> written(String incidentId) {
        return new HashSet<>(jdbc.queryForList("SELECT update_id FROM written_note WHERE incident_id = ?", String.class, incidentId));
    }

    /** Only the claim holder writes notes, so a row already there means this exact note is already remembered. */
    public void remember(String incidentId, String updateId) {
        insertIfAbsent.insert("written_note", COLUMNS, "incident_id, update_id",
                incidentId, updateId, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    }
}
