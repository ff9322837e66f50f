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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Kill the bridge with SIGKILL in the middle of a burst and start it again on the same database (an H2 file,
 * or a PostgreSQL database in the {@code postgres} pass): every incident ends up in ServiceNow exactly once,
 * in its newest state.
 */
class CrashRestartApplicationTest {

    @Test
    void everyEventLandsExactlyOnceAcrossAHardKillAndRestart() throws Exception {
        Path workDir = Files.createDirectories(Path.of("target", "crash-test", UUID.randomUUID().toString()));
        String secret = WebhookSender.newSecret();
        TestDatabase.Credentials database = TestDatabase.newDatabase(
                "jdbc:h2:file:" + workDir.toAbsolutePath().resolve("bridge") + ";WRITE_DELAY=0");
        try (ServiceNowEmulator serviceNow = ServiceNowEmulator.start();
             IncidentIoEmulator incidentIo = IncidentIoEmulator.start()) {
            serviceNow.faults().latency(Duration.ofMillis(30));
            Map<String, String> env = BridgeProcess.environment(serviceNow, incidentIo, secret, database);
            try (BridgeProcess bridge = new BridgeProcess(env, workDir.resolve("bridge.log")).start()) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    ids.add(incidentIo.createIncident(IncidentSpec.of("Crash drill " + i)).path("id").asText());
                }
                // Long enough a retry schedule to outlast the restart (same address), as incident.io's own would.
                WebhookSender sender = new WebhookSender(bridge.baseUrl() + "/webhooks/incident-io", secret)
                        .retrySchedule(Duration.ZERO, Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                                Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(8), Duration.ofSeconds(8));
                ExecutorService pool = Executors.newFixedThreadPool(8);
                List<Future<?>> sends = new ArrayList<>();
                for (int round = 0; round < 5; round++) {
                    for (String id : ids) {
                        int n = round;
                        incidentIo.updateIncident(id, incident -> incident.put("name", "Crash drill " + id + " v" + n));
                        String type = n == 0 ? "public_incident.incident_created_v2" : "public_incident.incident_updated_v2";
                        String body = incidentIo.webhookBody(type, id);
                        sends.add(pool.submit(() -> sender.send(body)));
                    }
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> serviceNow.records("incident").stream()
                        .filter(r -> ids.contains(r.get("correlation_id"))).count() >= 5);
                bridge.kill();
                bridge.start();
                for (Future<?> send : sends) {
                    send.get();
                }
                pool.shutdown();
                assertThat(sender.deliveries()).allMatch(delivery -> delivery.delivered());
                await().atMost(Duration.ofSeconds(90)).until(() -> ids.stream().allMatch(id ->
                        serviceNow.find("incident", "correlation_id=" + id).stream()
                                .anyMatch(r -> r.get("short_description").equals("Crash drill " + id + " v4"))));
                for (String id : ids) {
                    assertThat(serviceNow.find("incident", "correlation_id=" + id)).as("records for " + id).hasSize(1);
                }
        }
    }
    }
}
