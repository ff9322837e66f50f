package io.incidentbridge.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentbridge.TestDatabase;
import io.incidentbridge.config.InsertIfAbsent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox's group commit on a real database with the bridge's own schema (in-memory H2, or PostgreSQL on the
 * PostgreSQL pass).
 */
class InboxStoreTest {
    private final ExecutorService webhooks = Executors.newFixedThreadPool(16);
    private JdbcTemplate jdbc;
    private InboxStore store;

    @BeforeEach
    void database() throws Exception {
        TestDatabase.Credentials database =
                TestDatabase.newDatabase("jdbc:h2:mem:inbox-store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        InboxRepository inbox = new InboxRepository(jdbc, new InsertIfAbsent(jdbc), Clock.systemUTC());
        store = new InboxStore(inbox, new TransactionTemplate(new DataSourceTransactionManager(dataSource)), new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() throws Exception {
        webhooks.shutdownNow();
        store.destroy();
    }

    @Test
    void concurrentWebhooksAreAllStoredEachOnce() throws Exception {
        List<Future<StoreResult>> answers = send(200, i -> event("msg_" + i));

        for (Future<StoreResult> answer : answers) {
            assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(StoreResult.STORED);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event", Long.class)).isEqualTo(200);
    }

    @Test
    void aDeliveryRepeatedWhileTheFirstIsBeingStoredIsStoredOnceAndAnsweredDuplicate() throws Exception {
        // 8 deliveries of each of 20 webhooks at once: many copies land in the same transaction.
        List<Future<StoreResult>> answers = send(160, i -> event("msg_" + (i % 20)));

        List<StoreResult> results = new ArrayList<>();
        for (Future<StoreResult> answer : answers) {
            results.add(answer.get(30, TimeUnit.SECONDS));
        }
        assertThat(results).filteredOn(StoreResult.STORED::equals).hasSize(20);
        assertThat(results).filteredOn(StoreResult.DUPLICATE::equals).hasSize(140);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event", Long.class)).isEqualTo(20);
        assertThat(store.store(Optional.of(event("msg_3")))).isEqualTo(StoreResult.DUPLICATE);
    }

    @Test
    void aWebhookIsAnsweredOnlyOnceItsEventIsCommitted() throws Exception {
        assertThat(store.store(Optional.of(event("msg_committed")))).isEqualTo(StoreResult.STORED);

        // Read on another connection: what the answer promised is visible outside the writing transaction.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE delivery_id = ?", Long.class, "msg_committed"))
                .isEqualTo(1);
    }

    private List<Future<StoreResult>> send(int count, java.util.function.IntFunction<InboundEvent> events) {
        List<Future<StoreResult>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            InboundEvent event = events.apply(i);
            Callable<StoreResult> delivery = () -> store.store(Optional.of(event));
            answers.add(webhooks.submit(delivery));
        }
        return answers;
    }

    private static InboundEvent event(String deliveryId) {
        return new InboundEvent("incident-io", deliveryId, "public_incident.incident_updated_v2", "01INCIDENT", "{}");
    }
}
