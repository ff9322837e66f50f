package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.TestDatabase;
import io.incidentbridge.emulator.incidentio.Delivery;
import io.incidentbridge.emulator.incidentio.IncidentIoEmulator;
import io.incidentbridge.emulator.incidentio.IncidentSpec;
import io.incidentbridge.emulator.incidentio.WebhookSender;
import io.incidentbridge.emulator.servicenow.ServiceNowEmulator;
import java.net.http.HttpResponse;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The fault-injection suite ({@code ./mvnw test -Pfaults}): two replicas on one PostgreSQL database and both
 * emulators, thousands of webhook events over hundreds of incidents, while ServiceNow fails at a set rate
 * (5xx, 429, timeouts), then goes fully down and comes back, the access tokens are revoked, one replica is killed
 * with SIGKILL and started again, and incident.io redelivers some webhooks and reorders others.
 * <p>
 * At the end ServiceNow must hold one record per incident and follow-up, in its newest state, every status update
 * as exactly one work note, no dead letter but the deliberately broken ones, and a reconciliation run must find
 * nothing to change. It prints events, duplicates, losses, the time to drain after recovery and the ServiceNow
 * calls made. Sizes: {@code -Dfaults.events} (2,000) and {@code -Dfaults.incidents} (300).
 */
class FaultInjectionSuite {
    private static final int EVENTS = Integer.getInteger("faults.events", 2000);
    private static final int INCIDENTS = Integer.getInteger("faults.incidents", 300);
    /** Incidents whose ServiceNow record is deleted behind the bridge's back: their next event must dead-letter. */
    private static final int BROKEN = 5;
    /** The fault timeline, by event number (see {@link #faultsAt}); events come in windows of 20 this far apart. */
    private static final long PACE_MILLIS = 600;
    private static final int ERRORS_429 = EVENTS * 20 / 100;
    private static final int KILL = EVENTS * 35 / 100;
    private static final int REVOKE = EVENTS * 50 / 100;
    private static final int OUTAGE = EVENTS * 55 / 100;
    private static final int RECOVERY = EVENTS * 75 / 100;
    private static final List<String> LIVE_STATUSES = List.of("Investigating", "Fixing", "Monitoring", "Paused");
    private static final String ADMIN_USER = "fault-admin";
    private static final String ADMIN_PASSWORD = "fault-admin-" + UUID.randomUUID();

    private final ObjectMapper json = new ObjectMapper();
    private final Random random = new Random(20261129L);
    private final String secret = WebhookSender.newSecret();
    private final AtomicInteger redelivered = new AtomicInteger();
    private final AtomicInteger failedOver = new AtomicInteger();

    @Test
    void nothingIsLostOrDuplicatedUnderFaults() throws Exception {
        Path workDir = Files.createDirectories(Path.of("target", "fault-suite", UUID.randomUUID().toString()));
        TestDatabase.Credentials database = TestDatabase.newPostgresDatabase();
        try (ServiceNowEmulator serviceNow = ServiceNowEmulator.start();
             IncidentIoEmulator incidentIo = IncidentIoEmulator.start()) {
            serviceNow.faults().latency(Duration.ofMillis(10)).seed(7);
            Map<String, String> env = BridgeProcess.environment(serviceNow, incidentIo, secret, database);
            env.put("BRIDGE_ADMIN_USER", ADMIN_USER);
            env.put("BRIDGE_ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("BRIDGE_RECONCILIATION_ENABLED", "false");
            env.put("BRIDGE_SERVICENOW_REQUESTTIMEOUT", "3s");
            env.put("BRIDGE_RETRY_MAXDELAY", "5s");
            try (BridgeProcess first = new BridgeProcess(env, workDir.resolve("replica-1.log")).start();
                 BridgeProcess second = new BridgeProcess(env, workDir.resolve("replica-2.log")).start()) {
                LoadBalancer balancer = new LoadBalancer(List.of(first, second));
                Expected expected = new Expected();

                List<String> ids = new ArrayList<>();
                for (int i = 0; i < INCIDENTS; i++) {
                    String name = "Fault drill " + i + " v0";
                    ids.add(incidentIo.createIncident(IncidentSpec.of(name)).path("id").asText());
                }
                expected.incidents.addAll(ids);
                List<String> broken = breakSomeRecords(incidentIo, serviceNow, balancer);

                Instant started = Instant.now();
                ExecutorService senders = Executors.newFixedThreadPool(8);
                List<Future<?>> sends = new ArrayList<>();
                Instant recovered = null;
                Future<?> restart = null;
                List<String> window = new ArrayList<>();
                for (int n = 0; n < EVENTS; n++) {
                    faultsAt(n, serviceNow, first);
                    if (n == RECOVERY) {
                        serviceNow.faults().outage(false);
                        recovered = Instant.now();
                        restart = senders.submit(() -> {
                            first.start();
                            return null;
                        });
                    }
                    window.add(n < ids.size() ? created(ids.get(n), incidentIo) : nextEvent(n, ids, incidentIo, expected));
                    if (n == EVENTS / 2) {
                        for (String id : broken) {
                            incidentIo.updateIncident(id, incident -> incident.put("name", "Broken on purpose " + id));
                            window.add(incidentIo.webhookBody("public_incident.incident_updated_v2", id));
                        }
                    }
                    if (window.size() >= 20 || n == EVENTS - 1) {
                        // incident.io delivers out of order: each window of events goes out shuffled, eight at a time.
                        Collections.shuffle(window, random);
                        for (String body : window) {
                            boolean again = random.nextInt(100) < 5;
                            sends.add(senders.submit(() -> balancer.deliver(body, again)));
                        }
                        window = new ArrayList<>();
                        // About a minute of traffic, so the faults below each last a while.
                        Thread.sleep(PACE_MILLIS);
                    }
                }
                for (Future<?> send : sends) {
                    send.get();
                }
                restart.get();
                senders.shutdown();
                Instant lastEvent = Instant.now();

                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> count(database, "SELECT COUNT(*) FROM inbox_event WHERE status = 'PENDING'") == 0
                                && expected.missing(serviceNow, incidentIo).isEmpty());
                Instant drained = Instant.now();

                Report report = expected.check(serviceNow, incidentIo);
                long deadLetters = count(database, "SELECT COUNT(*) FROM dead_letter");
                long brokenDeadLetters = count(database, "SELECT COUNT(*) FROM dead_letter WHERE incident_key IN ('"
                        + String.join("','", broken) + "')");
                JsonNode reconciliation = reconcile(first);

                System.out.printf("""

                        ===== Fault-injection suite =====
                        replicas: 2 on PostgreSQL; replica 1 killed with SIGKILL at event %d and started again at event %d
                        ServiceNow: 5%% 500s, then 5%% 429s, then timeouts; tokens revoked at event %d; down from event %d to %d
                        events sent:            %d webhook events over %d incidents (+%d deliberately broken), %d follow-ups, %d status updates
                        redelivered by sender:  %d (same webhook-id), failed over to the other replica: %d
                        duplicates:             %d
                        losses:                 %d
                        dead letters:           %d (deliberately broken: %d)
                        drain after recovery:   %.1f s (after the last event: %.1f s)
                        whole run:              %.1f s
                        ServiceNow calls:       %d (writes %d, token requests %d)
                        reconciliation (dry run, all incidents): checked %d, created %d, repaired %d, failed %d, deleted links %d
                        =================================
                        %n""", KILL, RECOVERY, REVOKE, OUTAGE, RECOVERY,
                        EVENTS, INCIDENTS, BROKEN, expected.followUps.size(), expected.notesSent(), redelivered.get(), failedOver.get(),
                        report.duplicates(), report.losses(), deadLetters, brokenDeadLetters,
                        Duration.between(recovered, drained).toMillis() / 1000.0, Duration.between(lastEvent, drained).toMillis() / 1000.0,
                        Duration.between(started, drained).toMillis() / 1000.0, serviceNow.requests().size(),
                        serviceNow.count("POST", "/api/now/table") + serviceNow.count("PATCH", "/api/now/table"),
                        serviceNow.tokenRequests("password") + serviceNow.tokenRequests("refresh_token"),
                        reconciliation.path("checked").asInt(), reconciliation.path("created").asInt(),
                        reconciliation.path("repaired").asInt(), reconciliation.path("failed").asInt(),
                        reconciliation.path("deletedLinks").asInt());

                assertThat(report.problems()).as("what ServiceNow holds").isEmpty();
                assertThat(report.duplicates()).as("duplicates").isZero();
                assertThat(report.losses()).as("losses").isZero();
                assertThat(deadLetters).as("dead letters").isEqualTo(BROKEN);
                assertThat(brokenDeadLetters).as("dead letters of the deliberately broken incidents").isEqualTo(BROKEN);
                assertThat(reconciliation.path("created").asInt()).as("reconciliation creates").isZero();
                assertThat(reconciliation.path("repaired").asInt()).as("reconciliation repairs").isZero();
                assertThat(reconciliation.path("failed").asInt()).as("reconciliation failures").isZero();
                assertThat(reconciliation.path("deletedLinks").asInt()).as("links to deleted records").isEqualTo(BROKEN);
            }
        }
    }

    /** The fault timeline, by event number. */
    private static void faultsAt(int n, ServiceNowEmulator serviceNow, BridgeProcess first) throws InterruptedException {
        if (n == 0) {
            serviceNow.faults().errorRate(0.05, 500);
        } else if (n == ERRORS_429) {
            serviceNow.faults().errorRate(0.05, 429);
        } else if (n == KILL) {
            // Timeouts: the bridge waits 3 s for an answer, these come after 5 s.
            serviceNow.faults().errorRate(0, 500).hangNext(15, Duration.ofSeconds(5));
            first.kill();
        } else if (n == REVOKE) {
            serviceNow.revokeAllTokens();
        } else if (n == OUTAGE) {
            serviceNow.faults().outage(true);
        }
    }

    private static String created(String id, IncidentIoEmulator incidentIo) {
        return incidentIo.webhookBody("public_incident.incident_created_v2", id);
    }

    /** Changes one incident in incident.io the way responders do, and gives the webhook incident.io sends for it. */
    private String nextEvent(int n, List<String> ids, IncidentIoEmulator incidentIo, Expected expected) {
        String id = ids.get(random.nextInt(ids.size()));
        int kind = random.nextInt(100);
        if (kind < 55) {
            incidentIo.updateIncident(id, incident -> incident.put("name", "Fault drill " + id + " event " + n));
            return incidentIo.webhookBody("public_incident.incident_updated_v2", id);
        } else if (kind < 70) {
            String current = incidentIo.incident(id).path("incident_status").path("name").asText();
            List<String> others = LIVE_STATUSES.stream().filter(name -> !name.equals(current)).toList();
            incidentIo.setStatus(id, others.get(random.nextInt(others.size())));
            return incidentIo.webhookBody("public_incident.incident_status_updated_v2", id);
        } else if (kind < 85) {
            String message = "Status update " + n + " for " + id;
            incidentIo.addIncidentUpdate(id, message, null);
            expected.notes.computeIfAbsent(id, key -> Collections.synchronizedList(new ArrayList<>())).add(message);
            return incidentIo.webhookBody("public_incident.incident_updated_v2", id);
        } else if (kind < 93 || expected.followUps.isEmpty()) {
            String followUp = incidentIo.createFollowUp(id, "Follow-up " + n, "Found in event " + n, null).path("id").asText();
            expected.followUps.put(followUp, id);
            return incidentIo.webhookBody("public_incident.follow_up_created_v2", followUp);
        } else {
            List<String> followUps = new ArrayList<>(expected.followUps.keySet());
            String followUp = followUps.get(random.nextInt(followUps.size()));
            incidentIo.updateFollowUp(followUp, f -> f.put("status", "completed"));
            return incidentIo.webhookBody("public_incident.follow_up_updated_v2", followUp);
        }
    }

    /** Incidents synced first and then deleted in ServiceNow behind the bridge's back. */
    private List<String> breakSomeRecords(IncidentIoEmulator incidentIo, ServiceNowEmulator serviceNow, LoadBalancer balancer) {
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < BROKEN; i++) {
            String id = incidentIo.createIncident(IncidentSpec.of("Soon broken " + i)).path("id").asText();
            balancer.deliver(incidentIo.webhookBody("public_incident.incident_created_v2", id), false);
            broken.add(id);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> broken.stream()
                .allMatch(id -> serviceNow.find("incident", "correlation_id=" + id).size() == 1));
        broken.forEach(id -> serviceNow.delete("incident", serviceNow.find("incident", "correlation_id=" + id).get(0).get("sys_id")));
        return broken;
    }

    private JsonNode reconcile(BridgeProcess replica) throws Exception {
        HttpResponse<String> response = new AdminClient(replica.port())
                .call("POST", "/api/reconciliation/runs?full=true&dryRun=true", ADMIN_USER, ADMIN_PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static long count(TestDatabase.Credentials database, String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Stands in for the load balancer in front of the replicas: each message goes to a live replica; when a replica
     * is down or does not answer 2xx, the same message (same webhook-id) goes to the other one, as incident.io's
     * retries would through a load balancer. Some messages are delivered twice, as when an acknowledgement is lost.
     */
    private final class LoadBalancer {
        private final List<BridgeProcess> replicas;
        private final Map<BridgeProcess, WebhookSender> senders = new HashMap<>();
        private final Random choice = new Random(11);

        LoadBalancer(List<BridgeProcess> replicas) {
            this.replicas = replicas;
            replicas.forEach(replica -> senders.put(replica, new WebhookSender(replica.baseUrl() + "/webhooks/incident-io", secret)
                    .retrySchedule(Duration.ZERO)));
        }

        void deliver(String body, boolean twice) {
            String webhookId = "msg_" + UUID.randomUUID();
            int start;
            synchronized (choice) {
                start = choice.nextInt(replicas.size());
            }
            Instant giveUp = Instant.now().plusSeconds(120);
            for (int attempt = 0; Instant.now().isBefore(giveUp); attempt++) {
                BridgeProcess replica = replicas.get((start + attempt) % replicas.size());
                if (attempt > 0) {
                    failedOver.incrementAndGet();
                }
                if (replica.isAlive()) {
                    Delivery delivery = senders.get(replica).send(webhookId, body);
                    if (delivery.delivered()) {
                        if (twice) {
                            redelivered.incrementAndGet();
                            BridgeProcess other = replicas.get((start + attempt + 1) % replicas.size());
                            if (other.isAlive()) {
                                senders.get(other).send(webhookId, body);
                            }
                        }
                        return;
                    }
                }
                sleep(attempt < 3 ? 100 : 500);
            }
            throw new AssertionError("no replica accepted webhook " + webhookId + " within 120 s");
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private record Report(int duplicates, int losses, List<String> problems) {
    }

    /** What ServiceNow must end up holding: each incident's and follow-up's newest state, each status update once. */
    private static final class Expected {
        final List<String> incidents = new ArrayList<>();
        final Map<String, List<String>> notes = new ConcurrentHashMap<>();
        final Map<String, String> followUps = new ConcurrentHashMap<>();

        int notesSent() {
            return notes.values().stream().mapToInt(List::size).sum();
        }

        /** Incidents and follow-ups whose newest state is not (yet) in ServiceNow. */
        List<String> missing(ServiceNowEmulator serviceNow, IncidentIoEmulator incidentIo) {
            return check(serviceNow, incidentIo).problems();
        }

        Report check(ServiceNowEmulator serviceNow, IncidentIoEmulator incidentIo) {
            int duplicates = 0;
            int losses = 0;
            List<String> problems = new ArrayList<>();
            Map<String, List<Map<String, String>>> records = new HashMap<>();
            serviceNow.records("incident").forEach(r -> records.computeIfAbsent(r.get("correlation_id"), k -> new ArrayList<>()).add(r));
            Map<String, List<Map<String, String>>> tasks = new HashMap<>();
            serviceNow.records("task").forEach(r -> tasks.computeIfAbsent(r.get("correlation_id"), k -> new ArrayList<>()).add(r));
            for (String id : incidents) {
                JsonNode incident = incidentIo.incident(id);
                List<Map<String, String>> found = records.getOrDefault(id, List.of());
                if (found.size() != 1) {
                    duplicates += Math.max(0, found.size() - 1);
                    losses += found.isEmpty() ? 1 : 0;
                    problems.add(id + ": " + found.size() + " ServiceNow records");
                    continue;
                }
                Map<String, String> record = found.get(0);
                String expectedState = "paused".equals(incident.path("incident_status").path("category").asText()) ? "3" : "2";
                if (!record.get("short_description").equals(incident.path("name").asText()) || !expectedState.equals(record.get("state"))) {
                    losses++;
                    problems.add(id + ": ServiceNow has '" + record.get("short_description") + "' state " + record.get("state")
                            + ", incident.io '" + incident.path("name").asText() + "' " + incident.path("incident_status").path("name").asText());
                }
                List<String> written = serviceNow.journal(record.get("sys_id")).stream()
                        .filter(e -> "work_notes".equals(e.get("element"))).map(e -> e.get("value")).toList();
                for (String note : notes.getOrDefault(id, List.of())) {
                    long times = written.stream().filter(value -> value.contains(note)).count();
                    if (times != 1) {
                        duplicates += (int) Math.max(0, times - 1);
                        losses += times == 0 ? 1 : 0;
                        problems.add(id + ": note '" + note + "' written " + times + " times");
                    }
                }
            }
            for (String followUp : followUps.keySet()) {
                List<Map<String, String>> found = tasks.getOrDefault(followUp, List.of());
                String expectedState = "completed".equals(incidentIo.followUp(followUp).path("status").asText()) ? "3" : "1";
                if (found.size() != 1 || !expectedState.equals(found.get(0).get("state"))) {
                    duplicates += Math.max(0, found.size() - 1);
                    losses += found.isEmpty() || !expectedState.equals(found.get(0).get("state")) ? 1 : 0;
                    problems.add("follow-up " + followUp + ": " + found.size() + " tasks"
                            + (found.isEmpty() ? "" : ", state " + found.get(0).get("state") + " not " + expectedState));
                }
            }
            return new Report(duplicates, losses, problems);
        }
    }
}
