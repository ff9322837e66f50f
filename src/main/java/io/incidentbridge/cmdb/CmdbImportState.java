package io.incidentbridge.cmdb;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** How far each table's import got: the newest sys_updated_on fully imported. */
@Repository
public class CmdbImportState {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CmdbImportState(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<String> watermark(String table) {
        return jdbc.queryForList("SELECT watermark FROM cmdb_import_state WHERE source_table = ?", String.class, table)
                .stream().filter(w -> w != null && !w.isEmpty()).findFirst();
    }

    public void advance(String table, String watermark, String summary) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        if (jdbc.update("UPDATE cmdb_import_state SET watermark = ?, last_run_at = ?, last_summary = ? WHERE source_table = ?",
                watermark, now, summary, table) == 0) {
            jdbc.update("INSERT INTO cmdb_import_state (watermark, last_run_at, last_summary, source_table) VALUES (?, ?, ?, ?)",
                    watermark, now, summary, table);
        }
    }
}
