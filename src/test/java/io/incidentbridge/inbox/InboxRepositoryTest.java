package io.incidentbridge.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentbridge.TestDatabase;
import io.incidentbridge.config.InsertIfAbsent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Finishing an incident's events in one statement per 500, on a real database with the bridge's schema
 * (in-memory H2, or PostgreSQL on the PostgreSQL pass).
 */
class InboxRepositoryTest {
    private JdbcTemplate jdbc;
    private InboxRepository inbox;

    @BeforeEach
    void database() throws Exception {
        TestDatabase.Credentials database =
                TestDatabase.newDatabase("jdbc:h2:mem:inbox-repository-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        inbox = new InboxRepository(jdbc, new InsertIfAbsent(jdbc), Clock.systemUTC());
    }

    @Test
    void everyEventOfAClaimIsMarkedDoneAlsoBeyondOneStatementsWorth() {
        List<Long> ids = store(1_201, "01BURST");
        store(3, "01OTHER");

        inbox.markDone(ids);

        assertThat(count("DONE")).isEqualTo(1_201);
        assertThat(count("PENDING")).isEqualTo(3);
    }

    @Test
    void anEventAlreadyFinishedKeepsItsOutcome() {
        List<Long> ids = store(4, "01DEAD");
        inbox.markDead(ids.subList(0, 1), "ServiceNow answered 403");

        inbox.markDone(ids);

        assertThat(inbox.status("incident-io", "msg_01DEAD_0")).isEqualTo("DEAD: ServiceNow answered 403");
        assertThat(count("DONE")).isEqualTo(3);
    }

    @Test
    void rescheduledEventsCountTheirAttemptAndWait() {
        List<Long> ids = store(600, "01RETRY");

        inbox.reschedule(ids, Duration.ofMinutes(5), "ServiceNow timed out");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE attempts = 1 AND last_error = ?",
                Long.class, "ServiceNow timed out")).isEqualTo(600);
        assertThat(inbox.pendingEvents("01RETRY", 1_000)).isEmpty();
    }

    private List<Long> store(int count, String incident) {
        IntStream.range(0, count).forEach(i -> inbox.store(new InboundEvent("incident-io", "msg_" + incident + "_" + i,
                "public_incident.incident_updated_v2", incident, "{}")));
        return jdbc.queryForList("SELECT id FROM inbox_event WHERE incident_key = ? ORDER BY id", Long.class, incident);
    }

    private long count(String status) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE status = ?", Long.class, status);
    }
}
