package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.incidentbridge.TestDatabase;
import io.incidentbridge.emulator.incidentio.IncidentIoEmulator;
import io.incidentbridge.emulator.incidentio.IncidentSpec;
import io.incidentbridge.emulator.incidentio.WebhookSender;
import io.incidentbridge.emulator.servicenow.ServiceNowEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two replicas of the bridge, each in a JVM of its own, on one PostgreSQL database: webhooks land on either one,
 * every incident still reaches ServiceNow once and in its newest state, a killed replica's claims are taken over
 * by the other, and each scheduled reconciliation runs on exactly one replica and moves when that one dies.
 * Several replicas need PostgreSQL, so this runs in the PostgreSQL pass.
 */
@EnabledIfSystemProperty(named = TestDatabase.SELECTOR, matches = "postgres")
class ReplicasApplicationTest {
    private final String secret = WebhookSender.newSecret();
    private ServiceNowEmulator serviceNow;
    private IncidentIoEmulator incidentIo;
    private TestDatabase.Credentials database;
    private BridgeProcess first;
    private BridgeProcess second;

    @BeforeEach
    void startTwoReplicas() throws Exception {
        Path workDir = Files.createDirectories(Path.of("target", "replicas-test", UUID.randomUUID().toString()));
        database = TestDatabase.newPostgresDatabase();
        serviceNow = ServiceNowEmulator.start();
        incidentIo = IncidentIoEmulator.start();
        serviceNow.faults().latency(Duration.ofMillis(30));
        Map<String, String> env = BridgeProcess.environment(serviceNow, incidentIo, secret, database);
        // A reconciliation every two seconds: often enough to see which replica runs each firing.
        env.put("BRIDGE_RECONCILIATION_CRON", "0/2 * * * * ?");
        first = new BridgeProcess(env, workDir.resolve("first.log")).start();
        second = new BridgeProcess(env, workDir.resolve("second.log")).start();
    }

    @AfterEach
    void stop() throws Exception {
        first.close();
        second.close();
        serviceNow.close();
        incidentIo.close();
    }

    @Test
    void webhooksOnEitherReplicaLandOnceInTheirNewestStateAndAKilledReplicasClaimsAreTakenOver() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(incidentIo.createIncident(IncidentSpec.of("Replica drill " + i)).path("id").asText());
        }
        WebhookSender toFirst = new WebhookSender(first.baseUrl() + "/webhooks/incident-io", secret);
        WebhookSender toSecond = new WebhookSender(second.baseUrl() + "/webhooks/incident-io", secret)
                .retrySchedule(Duration.ZERO, Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> sends = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                int n = round;
                incidentIo.updateIncident(id, incident -> incident.put("name", "Replica drill " + id + " v" + n));
                String type = n == 0 ? "public_incident.incident_created_v2" : "public_incident.incident_updated_v2";
                String body = incidentIo.webhookBody(type, id);
                // Alternate replicas per event, so most incidents get events through both.
                WebhookSender sender = (i + n) % 2 == 0 ? toFirst : toSecond;
                sends.add(pool.submit(() -> sender.send(body)));
            }
        }
        for (Future<?> send : sends) {
            send.get();
        }
        pool.shutdown();
        assertThat(toFirst.deliveries()).allMatch(delivery -> delivery.delivered());
        // The first replica dies with whatever it holds: its claims run out and the second one takes them over.
        first.kill();
        await().atMost(Duration.ofSeconds(90)).until(() -> ids.stream().allMatch(id ->
                serviceNow.find("incident", "correlation_id=" + id).stream()
                        .anyMatch(r -> r.get("short_description").equals("Replica drill " + id + " v3"))));
        for (String id : ids) {
            assertThat(serviceNow.find("incident", "correlation_id=" + id)).as("records for " + id).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT COUNT(*) FROM inbox_event WHERE status <> 'DONE'") == 0);
        assertThat(count("SELECT COUNT(*) FROM dead_letter")).isZero();
    }

    @Test
    void eachScheduledRunHappensOnOneReplicaAndMovesToTheOtherWhenItDies() throws Exception {
        // Firings missed while the replicas started are caught up at once; count from when both are up and steady.
        await().atMost(Duration.ofSeconds(60)).until(() -> !runsSince(Instant.EPOCH).isEmpty());
        Instant start = Instant.now().plusSeconds(2);
        await().atMost(Duration.ofSeconds(60)).until(() -> runsSince(start).stream().filter(Run::finished).count() >= 5);
        List<Run> before = runsSince(start).stream().filter(Run::finished).toList();
        assertThat(before).extracting(Run::replica).allMatch(replica -> replica.endsWith("/" + first.pid())
                || replica.endsWith("/" + second.pid()));
        assertOneRunPerFiring(before);

        BridgeProcess running = before.get(before.size() - 1).replica().endsWith("/" + first.pid()) ? first : second;
        BridgeProcess survivor = running == first ? second : first;
        running.kill();
        Instant killed = Instant.now();
        await().atMost(Duration.ofSeconds(60)).until(() -> runsSince(killed).stream()
                .filter(run -> run.replica().endsWith("/" + survivor.pid()) && run.finished()).count() >= 3);
        assertOneRunPerFiring(runsSince(killed).stream().filter(Run::finished).toList());
    }

    /**
     * One run per firing: runs never overlap (each starts after the one before finished), and over the whole window
     * there are no more runs than two-second firings (plus one a late start may catch up). Two replicas scheduling
     * on their own would overlap and run about twice as often.
     */
    private static void assertOneRunPerFiring(List<Run> runs) {
        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i).startedAt()).as("run %s starts after %s finished", runs.get(i), runs.get(i - 1))
                    .isAfterOrEqualTo(runs.get(i - 1).finishedAt());
        }
        Duration window = Duration.between(runs.get(0).startedAt(), runs.get(runs.size() - 1).startedAt());
        assertThat(runs.size()).as("runs in %s", window).isLessThanOrEqualTo((int) (window.toSeconds() / 2) + 2);
    }

    private record Run(Instant startedAt, String replica, Instant finishedAt) {
        boolean finished() {
            return finishedAt != null;
        }
    }

    private List<Run> runsSince(Instant since) throws SQLException {
        try (Connection connection = connect(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT started_at, replica, finished_at FROM reconciliation_run ORDER BY started_at")) {
            List<Run> runs = new ArrayList<>();
            while (rows.next()) {
                Instant started = rows.getObject(1, java.time.OffsetDateTime.class).toInstant();
                if (!started.isBefore(since)) {
                    java.time.OffsetDateTime finished = rows.getObject(3, java.time.OffsetDateTime.class);
                    runs.add(new Run(started, rows.getString(2), finished == null ? null : finished.toInstant()));
                }
            }
            return runs;
        }
    }

    private long count(String query) throws SQLException {
        try (Connection connection = connect(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }
}
