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
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** record_link rows. The synced field values are kept as a JSON object. */
@Repository
public class RecordLinkRepository {
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() { };
    private static final String COLUMNS = "kind, source_id, source_reference, incident_id, sn_table, sn_sys_id, sn_number,"
            + " synced_fields, source_updated_at, synced_at, link_pinned";
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public RecordLinkRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<RecordLink> find(RecordLink.Kind kind, String sourceId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM record_link WHERE kind = ? AND source_id = ?", this::link,
                kind.name(), sourceId).stream().findFirst();
    }

    public Optional<RecordLink> findBySysId(String sysId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM record_link WHERE sn_sys_id = ?", this::link, sysId).stream().findFirst();
    }

    /** Insert or update; only the replica holding the incident's claim writes its links. */
    public void save(RecordLink link) {
        Object[] values = {link.sourceReference(), link.incidentId(), link.table(), link.sysId(), link.number(),
                fieldsJson(link.syncedFields()), link.sourceUpdatedAt().toString(),
                link.syncedAt().withOffsetSameInstant(ZoneOffset.UTC), link.pinned(), link.kind().name(), link.sourceId()};
        int updated = jdbc.update("UPDATE record_link SET source_reference = ?, incident_id = ?, sn_table = ?, sn_sys_id = ?,"
                + " sn_number = ?, synced_fields = ?, source_updated_at = ?, synced_at = ?, link_pinned = ?"
                + " WHERE kind = ? AND source_id = ?", values);
        if (updated == 0) {
            jdbc.update("INSERT INTO record_link (source_reference, incident_id, sn_table, sn_sys_id, sn_number, synced_fields,"
                    + " source_updated_at, synced_at, link_pinned, kind, source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        }
    }

    private RecordLink link(ResultSet rs, int row) throws SQLException {
        return new RecordLink(RecordLink.Kind.valueOf(rs.getString("kind")), rs.getString("source_id"),
                rs.getString("source_reference"), rs.getString("incident_id"), rs.getString("sn_table"),
                rs.getString("sn_sys_id"), rs.getString("sn_number"), fields(rs.getString("synced_fields")),
                OffsetDateTime.parse(rs.getString("source_updated_at")), rs.getObject("synced_at", OffsetDateTime.class),
                rs.getBoolean("link_pinned"));
    }

    private Map<String, String> fields(String text) {
        try {
            return json.readValue(text, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("record_link.synced_fields is not a JSON object", e);
        }
    }

    private String fieldsJson(Map<String, String> fields) {
        try {
            return json.writeValueAsString(new TreeMap<>(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("synced fields cannot be written as JSON", e);
        }
    }
}
