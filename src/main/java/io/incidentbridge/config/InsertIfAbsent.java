package io.incidentbridge.config;

import java.sql.DatabaseMetaData;
import java.util.Collections;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Inserts a row unless one with the same unique key is already there, safely inside a transaction too.
 * PostgreSQL aborts the whole transaction when one statement fails, so there a duplicate must not be an
 * error at all ({@code ON CONFLICT DO NOTHING}); H2 undoes only the failed statement, so there the unique
 * key's error is the answer.
 */
@Component
public class InsertIfAbsent {
    private final JdbcTemplate jdbc;
    private final boolean onConflictDoNothing;

    public InsertIfAbsent(JdbcTemplate jdbc) throws MetaDataAccessException {
        this.jdbc = jdbc;
        String product = JdbcUtils.extractDatabaseMetaData(jdbc.getDataSource(), DatabaseMetaData::getDatabaseProductName);
        this.onConflictDoNothing = "PostgreSQL".equals(product);
    }

    /**
     * True if the row was inserted, false if {@code uniqueKey} already held those values.
     * Table and column names are the caller's constants; the values are bound.
     */
    public boolean insert(String table, List<String> columns, String uniqueKey, Object... values) {
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        if (onConflictDoNothing) {
            return jdbc.update(sql + " ON CONFLICT (" + uniqueKey + ") DO NOTHING", values) == 1;
        }
        try {
            return jdbc.update(sql, values) == 1;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }
}
