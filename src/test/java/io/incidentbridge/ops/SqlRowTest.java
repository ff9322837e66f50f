package io.incidentbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A sql: row reads alike from H2 (upper-case labels, OffsetDateTime) and PostgreSQL (lower-case labels, Timestamp). */
class SqlRowTest {
    private static final Instant CREATED = Instant.parse("2026-12-04T09:15:03.123456Z");

    @Test
    void columnsAreFoundWhateverCaseTheDatabaseLabelsThemIn() {
        SqlRow h2 = new SqlRow(Map.of("INCIDENT_KEY", "01INC", "ATTEMPTS", 2, "DRY_RUN", true));
        SqlRow postgres = new SqlRow(Map.of("incident_key", "01INC", "attempts", 2L, "dry_run", true));

        for (SqlRow row : new SqlRow[] {h2, postgres}) {
            assertThat(row.text("incident_key")).isEqualTo("01INC");
            assertThat(row.number("attempts")).isEqualTo(2);
            assertThat(row.flag("dry_run")).isTrue();
        }
    }

    @Test
    void aTimestampFromPostgresIsTheSameInstantInUtcAndAnOffsetDateTimeFromH2StaysAsItIs() {
        OffsetDateTime fromH2 = CREATED.atOffset(ZoneOffset.ofHours(2));

        assertThat(new SqlRow(Map.of("created_at", Timestamp.from(CREATED))).time("created_at"))
                .isEqualTo(CREATED.atOffset(ZoneOffset.UTC));
        assertThat(new SqlRow(Map.of("CREATED_AT", fromH2)).time("created_at")).isSameAs(fromH2);
    }

    @Test
    void nullsStayNullAndNumbersZero() {
        Map<String, Object> columns = new HashMap<>();
        columns.put("finished_at", null);
        columns.put("details", null);
        columns.put("failed", null);
        SqlRow row = new SqlRow(columns);

        assertThat(row.time("finished_at")).isNull();
        assertThat(row.text("details")).isNull();
        assertThat(row.number("failed")).isZero();
    }

    @Test
    void aColumnTheQueryDidNotAnswerOrATimeOfAnotherTypeIsAnErrorNamingIt() {
        assertThatThrownBy(() -> new SqlRow(Map.of("id", 1L)).text("status"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("status");
        assertThatThrownBy(() -> new SqlRow(Map.of("created_at", "yesterday")).time("created_at"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("created_at");
    }
}
