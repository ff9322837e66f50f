package io.incidentbridge.cmdb;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Which incident.io catalog entry each CI became, and a fingerprint of what was written. */
@Repository
public class CatalogEntryLinks {
    public record Link(String entryId, String fingerprint) {
    }

    private final JdbcTemplate jdbc;

    public CatalogEntryLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Link> find(String table, String sysId) {
        return jdbc.query("SELECT entry_id, fingerprint FROM catalog_entry_link WHERE source_table = ? AND sys_id = ?",
                (rs, row) -> new Link(rs.getString(1), rs.getString(2)), table, sysId).stream().findFirst();
    }

    public void save(String table, String sysId, Link link) {
        if (jdbc.update("UPDATE catalog_entry_link SET entry_id = ?, fingerprint = ? WHERE source_table = ? AND sys_id = ?",
                link.entryId(), link.fingerprint(), table, sysId) == 0) {
            jdbc.update("INSERT INTO catalog_entry_link (entry_id, fingerprint, source_table, sys_id) VALUES (?, ?, ?, ?)",
                    link.entryId(), link.fingerprint(), table, sysId);
        }
    }

    public void remove(String table, String sysId) {
        jdbc.update("DELETE FROM catalog_entry_link WHERE source_table = ? AND sys_id = ?", table, sysId);
    }
}
