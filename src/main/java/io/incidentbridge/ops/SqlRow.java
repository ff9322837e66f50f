package io.incidentbridge.ops;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * One row of a {@code sql:} step (column label to value). The same query answers differently on the two databases:
 * H2 labels unquoted columns in upper case and PostgreSQL in lower case, and a TIMESTAMP WITH TIME ZONE comes back
 * as an {@link OffsetDateTime} from H2 but as a {@link Timestamp} from PostgreSQL. This reads both alike.
 */
record SqlRow(Map<String, Object> columns) {

    Object value(String column) {
        if (columns.containsKey(column)) {
            return columns.get(column);
        }
        for (Map.Entry<String, Object> entry : columns.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(column)) {
                return entry.getValue();
            }
        }
        throw new IllegalStateException("the query answered no column " + column + " (it has " + columns.keySet() + ")");
    }

    String text(String column) {
        Object value = value(column);
        return value == null ? null : value.toString();
    }

    long number(String column) {
        Object value = value(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    boolean flag(String column) {
        return Boolean.TRUE.equals(value(column));
    }

    /** As the repositories read it with {@code getObject(column, OffsetDateTime.class)}: PostgreSQL answers in UTC. */
    OffsetDateTime time(String column) {
        Object value = value(column);
        if (value == null || value instanceof OffsetDateTime) {
            return (OffsetDateTime) value;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("column " + column + " is a " + value.getClass().getName() + ", not a time");
    }
}
