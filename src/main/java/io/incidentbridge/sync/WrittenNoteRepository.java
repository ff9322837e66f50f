package io.incidentbridge.sync;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Which incident.io updates are already journal entries in ServiceNow. */
@Repository
public class WrittenNoteRepository {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public WrittenNoteRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Set<String> written(String incidentId) {
        return new HashSet<>(jdbc.queryForList("SELECT update_id FROM written_note WHERE incident_id = ?", String.class, incidentId));
    }

    public void remember(String incidentId, String updateId) {
        try {
            jdbc.update("INSERT INTO written_note (incident_id, update_id, written_at) VALUES (?, ?, ?)",
                    incidentId, updateId, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        } catch (DuplicateKeyException alreadyRemembered) {
            // Only the claim holder writes notes; a duplicate means this exact note is already remembered.
            return;
        }
    }
}
