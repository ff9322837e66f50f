package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.incidentbridge.TestDatabase;
import io.incidentbridge.emulator.incidentio.IncidentIoEmulator;
import io.incidentbridge.emulator.incidentio.IncidentSpec;
import io.incidentbridge.emulator.incidentio.WebhookSender;
import io.incidentbridge.emulator.servicenow.ServiceNowEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bridge in a JVM of its own, stopped with SIGTERM under load and started again: a sender posting webhooks in
 * a tight loop only ever sees 2xx, 503 (with Retry-After) or no connection, never a 404; the stop logs no ERROR;
 * and every webhook the bridge accepted reaches ServiceNow.
 */
class StartStopApplicationTest {
    private static final String NO_CONNECTION = "no connection";

    @Test
    void aRestartUnderLoadAnswersOnly2xx503OrNoConnectionStopsCleanlyAndLosesNothing() throws Exception {
        Path workDir = Files.createDirectories(Path.of("target", "start-stop", UUID.randomUUID().toString()));
        String secret = WebhookSender.newSecret();
        TestDatabase.Credentials database = TestDatabase.newDatabase(
                "jdbc:h2:file:" + workDir.toAbsolutePath().resolve("bridge") + ";WRITE_DELAY=0");
        try (ServiceNowEmulator serviceNow = ServiceNowEmulator.start();
             IncidentIoEmulator incidentIo = IncidentIoEmulator.start();
             BridgeProcess bridge = new BridgeProcess(BridgeProcess.environment(serviceNow, incidentIo, secret, database),
                     workDir.resolve("bridge.log")).start()) {
            serviceNow.faults().latency(Duration.ofMillis(20));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                ids.add(incidentIo.createIncident(IncidentSpec.of("Restart drill " + i)).path("id").asText());
            }
            WebhookSender sender = new WebhookSender(bridge.baseUrl() + "/webhooks/incident-io", secret);
            ConcurrentMap<String, AtomicInteger> answers = new ConcurrentHashMap<>();
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
                for (String id : ids) {
                    String body = incidentIo.webhookBody("public_incident.incident_created_v2", id);
                    String webhookId = "msg_restart_" + id;
                    // The same delivery again until it is accepted, as a sender that retries 503s and refused connections.
                    while (true) {
                        long now = Instant.now().getEpochSecond();
                        String answer;
                        try {
                            HttpResponse<String> response = sender.post(webhookId, now, body, WebhookSender.sign(secret, webhookId, now, body));
                            answer = Integer.toString(response.statusCode());
                            if (response.statusCode() == 503) {
                                answer += response.headers().firstValue("Retry-After").isPresent() ? " with Retry-After" : " without Retry-After";
                            }
                        } catch (UncheckedIOException refused) {
                            answer = NO_CONNECTION;
                        }
                        answers.computeIfAbsent(answer, a -> new AtomicInteger()).incrementAndGet();
                        if (answer.startsWith("2")) {
                            accepted.add(id);
                            break;
                        }
                        if (!answer.startsWith("503") && !answer.equals(NO_CONNECTION)) {
                            break;
                        }
                        sleep(5);
                    }
                }
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> accepted.size() >= 60);

            assertThat(bridge.stop()).as("exit code after SIGTERM (128 + 15)").isIn(0, 143);
            List<String> errors = errorLines(bridge.log());
            bridge.start();
            load.get(120, TimeUnit.SECONDS);

            System.out.println("answers across the restart: " + answers);
            assertThat(answers.keySet()).as("answers across the restart").isSubsetOf("202", "503 with Retry-After", NO_CONNECTION);
            assertThat(errors).as("ERROR lines logged up to and during the stop").isEmpty();
            assertThat(accepted).hasSize(ids.size());
            await().atMost(Duration.ofSeconds(90)).until(() -> ids.stream().allMatch(id ->
                    !serviceNow.find("incident", "correlation_id=" + id).isEmpty()));
            for (String id : ids) {
                assertThat(serviceNow.find("incident", "correlation_id=" + id)).as("records for " + id).hasSize(1);
            }
        }
    }

    private static List<String> errorLines(Path log) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.matches(".*\\bERROR\\b.*") || line.startsWith("\tat ")).limit(40).collect(Collectors.toList());
        }
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
