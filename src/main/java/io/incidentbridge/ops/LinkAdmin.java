package io.incidentbridge.ops;

import io.incidentbridge.errors.NotFound;
import java.util.List;
import org.apache.camel.Header;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Finds links by incident.io id (incident or follow-up), ServiceNow sys_id or ServiceNow number. */
@Component
public class LinkAdmin {
    private final JdbcTemplate jdbc;

    public LinkAdmin(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record LinkView(String kind, String sourceId, String sourceReference, String incidentId, String table,
                           String sysId, String number, String syncedFields, String sourceUpdatedAt, String syncedAt,
                           boolean pinned) {
    }

    public List<LinkView> find(@Header("key") String key) {
        List<LinkView> links = jdbc.query("SELECT kind, source_id, source_reference, incident_id, sn_table, sn_sys_id, sn_number,"
                        + " synced_fields, source_updated_at, synced_at, link_pinned FROM record_link"
                        + " WHERE source_id = ? OR sn_sys_id = ? OR sn_number = ? OR source_reference = ? ORDER BY kind, source_id",
                (rs, row) -> new LinkView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), String.valueOf(rs.getObject(10)),
                        rs.getBoolean(11)),
                key, key, key, key);
        if (links.isEmpty()) {
            throw new NotFound("no link for " + key + " (an incident.io id or reference, a ServiceNow sys_id or number)");
        }
        return links;
    }
}
