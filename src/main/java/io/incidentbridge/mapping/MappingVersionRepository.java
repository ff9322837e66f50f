package io.incidentbridge.mapping;

import io.incidentbridge.config.InsertIfAbsent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The versions of each mapping file in the database; the newest version of a name is the one in force. */
@Repository
public class MappingVersionRepository {
    private static final List<String> COLUMNS = List.of("name", "version", "content", "source", "comment", "updated_at", "updated_by");
    private static final String SELECT = "SELECT name, version, content, source, comment, updated_at, updated_by FROM mapping_version";

    private final JdbcTemplate jdbc;
    private final InsertIfAbsent insertIfAbsent;

    public MappingVersionRepository(JdbcTemplate jdbc, InsertIfAbsent insertIfAbsent) {
        this.jdbc = jdbc;
        this.insertIfAbsent = insertIfAbsent;
    }

    /** The newest version number of each name: cheap enough to ask on every watch tick. */
    public Map<String, Integer> newestVersions() {
        Map<String, Integer> newest = new HashMap<>();
        jdbc.query("SELECT name, MAX(version) AS newest FROM mapping_version GROUP BY name",
                row -> { newest.put(row.getString("name"), row.getInt("newest")); });
        return newest;
    }

    public Optional<MappingVersion> current(String name) {
        return jdbc.query(SELECT + " WHERE name = ? ORDER BY version DESC LIMIT 1", MappingVersionRepository::version, name)
                .stream().findFirst();
    }

    public Optional<MappingVersion> version(String name, int version) {
        return jdbc.query(SELECT + " WHERE name = ? AND version = ?", MappingVersionRepository::version, name, version)
                .stream().findFirst();
    }

    /** The newest version that came from the file on disk: what the file held when it was last taken in. */
    public Optional<MappingVersion> lastFromFile(String name) {
        return jdbc.query(SELECT + " WHERE name = ? AND source = ? ORDER BY version DESC LIMIT 1",
                MappingVersionRepository::version, name, MappingVersion.FILE).stream().findFirst();
    }

    /** Every version of the name, newest first. */
    public List<MappingVersion> versions(String name) {
        return jdbc.query(SELECT + " WHERE name = ? ORDER BY version DESC", MappingVersionRepository::version, name);
    }

    /**
     * Adds the version; false when another save (on this or another replica) took that number first. The unique
     * key (name, version) decides, so two saves from the same base can never both win.
     */
    public boolean add(MappingVersion version) {
        return insertIfAbsent.insert("mapping_version", COLUMNS, "name, version", version.name(), version.version(),
                version.content(), version.source(), version.comment(), version.updatedAt(), version.updatedBy());
    }

    private static MappingVersion version(ResultSet row, int rowNumber) throws SQLException {
        return new MappingVersion(row.getString("name"), row.getInt("version"), row.getString("content"), row.getString("source"),
                row.getString("comment"), row.getObject("updated_at", OffsetDateTime.class), row.getString("updated_by"));
    }
}
