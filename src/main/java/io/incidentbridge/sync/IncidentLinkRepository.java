package io.incidentbridge.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** incident_link rows. The synced field values are kept as a JSON object. */
@Repository
public class IncidentLinkRepository {
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() { };
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public IncidentLinkRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<IncidentLink> find(String incidentId) {
        return jdbc.query("SELECT incident_id, incident_reference, sn_table, sn_sys_id, sn_number, synced_fields,"
                        + " incident_updated_at, synced_at, link_pinned FROM incident_link WHERE incident_id = ?",
                this::link, incidentId).stream().findFirst();
    }

    /** Insert or update; only the replica holding the incident's claim writes its link. */
    public void save(IncidentLink link) {
        Object[] values = {link.incidentReference(), link.table(), link.sysId(), link.number(), fieldsJson(link.syncedFields()),
                link.incidentUpdatedAt().toString(), link.syncedAt().withOffsetSameInstant(ZoneOffset.UTC), link.pinned(),
                link.incidentId()};
        int updated = jdbc.update("UPDATE incident_link SET incident_reference = ?, sn_table = ?, sn_sys_id = ?, sn_number = ?,"
                + " synced_fields = ?, incident_updated_at = ?, synced_at = ?, link_pinned = ? WHERE incident_id = ?", values);
        if (updated == 0) {
            jdbc.update("INSERT INTO incident_link (incident_reference, sn_table, sn_sys_id, sn_number, synced_fields,"
                    + " incident_updated_at, synced_at, link_pinned, incident_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        }
    }

    private IncidentLink link(ResultSet rs, int row) throws SQLException {
        return new IncidentLink(rs.getString("incident_id"), rs.getString("incident_reference"), rs.getString("sn_table"),
                rs.getString("sn_sys_id"), rs.getString("sn_number"), fields(rs.getString("synced_fields")),
                OffsetDateTime.parse(rs.getString("incident_updated_at")), rs.getObject("synced_at", OffsetDateTime.class),
                rs.getBoolean("link_pinned"));
    }

    private Map<String, String> fields(String text) {
        try {
            return json.readValue(text, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("incident_link.synced_fields is not a JSON object", e);
        }
    }

    private String fieldsJson(Map<String, String> fields) {
        try {
            return json.writeValueAsString(new java.util.TreeMap<>(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("synced fields cannot be written as JSON", e);
        }
    }
}
