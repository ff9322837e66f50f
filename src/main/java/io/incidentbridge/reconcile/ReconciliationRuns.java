package io.incidentbridge.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import io.incidentbridge.config.ReplicaName;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** reconciliation_run rows. */
@Repository
public class ReconciliationRuns {
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ReplicaName replica;

    public ReconciliationRuns(JdbcTemplate jdbc, Clock clock, ReplicaName replica) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.replica = replica;
    }

    public long start(boolean dryRun, boolean fullScan, String updatedSince) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO reconciliation_run (started_at, dry_run, full_scan,"
                    + " updated_since, status, replica) VALUES (?, ?, ?, ?, 'RUNNING', ?)", new String[] {"id"});
            statement.setObject(1, now());
            statement.setBoolean(2, dryRun);
            statement.setBoolean(3, fullScan);
            statement.setString(4, updatedSince);
            statement.setString(5, replica.value());
            return statement;
        }, key);
        return key.getKey().longValue();
    }

    public void finish(long id, ReconciliationCounts counts, String status, String details) {
        jdbc.update("UPDATE reconciliation_run SET finished_at = ?, checked = ?, created = ?, repaired = ?, deleted_links = ?,"
                        + " failed = ?, status = ?, details = ? WHERE id = ?",
                now(), counts.checked(), counts.created(), counts.repaired(), counts.deletedLinks(), counts.failed(), status,
                details.length() > 100_000 ? details.substring(0, 100_000) : details, id);
    }

    /** Where the next incremental run starts: when the last successful real run started. */
    public Optional<OffsetDateTime> lastSuccessfulStart() {
        return jdbc.query("SELECT MAX(started_at) FROM reconciliation_run WHERE status = 'DONE' AND dry_run = FALSE",
                (rs, row) -> rs.getObject(1, OffsetDateTime.class)).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** When the last successful real run finished, in epoch seconds; 0 before the first one. */
    public double lastSuccessfulFinishEpochSeconds() {
        return jdbc.query("SELECT MAX(finished_at) FROM reconciliation_run WHERE status = 'DONE' AND dry_run = FALSE",
                        (rs, row) -> rs.getObject(1, OffsetDateTime.class)).stream().filter(java.util.Objects::nonNull)
                .findFirst().map(t -> (double) t.toEpochSecond()).orElse(0.0);
    }

    public List<ReconciliationRun> recent(int limit) {
        return jdbc.query("SELECT id, started_at, finished_at, dry_run, full_scan, updated_since, checked, created, repaired,"
                        + " deleted_links, failed, status, details, replica FROM reconciliation_run ORDER BY id DESC FETCH FIRST ? ROWS ONLY",
                (rs, row) -> {
                    OffsetDateTime started = rs.getObject(2, OffsetDateTime.class);
                    OffsetDateTime finished = rs.getObject(3, OffsetDateTime.class);
                    return new ReconciliationRun(rs.getLong(1), String.valueOf(started), String.valueOf(finished), rs.getBoolean(4),
                            rs.getBoolean(5), rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10),
                            rs.getInt(11), finished == null ? 0 : Duration.between(started, finished).toMillis(), rs.getString(12),
                            rs.getString(13), rs.getString(14));
                }, limit);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
