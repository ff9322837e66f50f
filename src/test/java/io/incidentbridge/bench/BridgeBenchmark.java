package io.incidentbridge.bench;

import io.incidentbridge.IncidentBridgeApplication;
import io.incidentbridge.emulator.incidentio.IncidentIoEmulator;
import io.incidentbridge.emulator.incidentio.IncidentSpec;
import io.incidentbridge.emulator.incidentio.WebhookSender;
import io.incidentbridge.emulator.servicenow.ServiceNowEmulator;
import io.incidentbridge.sandbox.EmulatorEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prints the figures the README quotes: webhook acceptance rate and latency, end-to-end sync rate against
 * a ServiceNow with 50 ms latency, writes for a burst of 20 updates (all at once, and 45 ms apart as a responder
 * typing produces them), and the delay from acknowledging an isolated change to writing it to ServiceNow.
 * Run with {@code ./mvnw -Pbenchmark spring-boot:test-run}; adding
 * {@code -Dspring-boot.run.jvmArguments=-Dbench.phases=bursts} runs only the burst and
 * isolated-change phases. It is a program, not a test: it asserts nothing.
 */
public final class BridgeBenchmark {
    private static final int ACCEPT_EVENTS = 5_000;
    private static final int SYNC_INCIDENTS = 1_000;

    private BridgeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (java.util.Arrays.asList(args).contains("--mode=processes")) {
            ProcessBenchmark.main(args);
            return;
        }
        Path dir = Files.createDirectories(Path.of("target", "benchmark", UUID.randomUUID().toString()));
        try (ServiceNowEmulator serviceNow = ServiceNowEmulator.start(); IncidentIoEmulator incidentIo = IncidentIoEmulator.start()) {
            String secret = WebhookSender.newSecret();
            incidentIo.rateLimitPerMinute(1_000_000);
            EmulatorEnvironment.pointBridgeAt(serviceNow, incidentIo, secret);
            System.setProperty("BRIDGE_DB_URL", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("bridge") + ";WRITE_DELAY=0");
            System.setProperty("logging.level.io.incidentbridge", "WARN");
            System.setProperty("SERVER_PORT", "0");
            try (ConfigurableApplicationContext bridge = SpringApplication.run(IncidentBridgeApplication.class, args)) {
                String url = "http://127.0.0.1:" + bridge.getEnvironment().getProperty("local.server.port") + "/webhooks/incident-io";
                LoadDriver driver = new LoadDriver(url, secret);
                List<String> results = new ArrayList<>();
                if (!"bursts".equals(System.getProperty("bench.phases"))) {
                    results.add(acceptance(driver, incidentIo));
                    // Let the acceptance phase's 200 incidents finish syncing before timing end-to-end.
                    await(Duration.ofMinutes(5), () -> serviceNow.records("incident").size() >= 200);
                    Thread.sleep(2_000);
                    results.add(endToEnd(driver, serviceNow, incidentIo));
                }
                results.add(burst(driver, serviceNow, incidentIo));
                results.add(typedBurst(driver, serviceNow, incidentIo));
                results.add(isolatedChanges(driver, serviceNow, incidentIo));
                System.out.println();
                System.out.println("Incident Bridge benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, "
                        + System.getProperty("java.version") + ")");
                results.forEach(System.out::println);
            }
        }
        System.exit(0);
    }

    private static String acceptance(LoadDriver driver, IncidentIoEmulator incidentIo) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String id = incidentIo.createIncident(IncidentSpec.of("Acceptance " + i)).path("id").asText();
            bodies.add(incidentIo.webhookBody("public_incident.incident_created_v2", id));
        }
        driver.run(bodies, 2_000, 8, 0);
        LoadDriver.Result saturated = driver.run(bodies, ACCEPT_EVENTS, 8, 0);
        LoadDriver.Result paced = driver.run(bodies, ACCEPT_EVENTS, 8, 500);
        return String.format(Locale.ROOT, "webhooks accepted, as fast as 8 senders can: %d in %.2f s = %.0f/s; ack p50 %.1f ms, p99 %.1f ms; non-2xx %d%n"
                        + "webhooks accepted, paced at 500/s: %d in %.2f s = %.0f/s; ack p50 %.1f ms, p99 %.1f ms; non-2xx %d",
                saturated.count(), saturated.seconds(), saturated.count() / saturated.seconds(), saturated.p50Millis(),
                saturated.p99Millis(), saturated.failures(),
                paced.count(), paced.seconds(), paced.count() / paced.seconds(), paced.p50Millis(), paced.p99Millis(),
                paced.failures());
    }

    private static String endToEnd(LoadDriver driver, ServiceNowEmulator serviceNow, IncidentIoEmulator incidentIo) throws Exception {
        serviceNow.faults().latency(Duration.ofMillis(50));
        serviceNow.revokeAllTokens();
        long tokensBefore = serviceNow.tokenRequests("password") + serviceNow.tokenRequests("refresh_token");
        List<String> bodies = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < SYNC_INCIDENTS; i++) {
            String id = incidentIo.createIncident(IncidentSpec.of("Throughput " + i)).path("id").asText();
            ids.add(id);
            bodies.add(incidentIo.webhookBody("public_incident.incident_created_v2", id));
        }
        long baseline = serviceNow.records("incident").size();
        long start = System.nanoTime();
        driver.run(bodies, bodies.size(), 8, 0);
        await(Duration.ofMinutes(10), () -> serviceNow.records("incident").size() >= baseline + SYNC_INCIDENTS);
        double seconds = (System.nanoTime() - start) / 1e9;
        long tokens = serviceNow.tokenRequests("password") + serviceNow.tokenRequests("refresh_token") - tokensBefore;
        serviceNow.faults().reset();
        return String.format(Locale.ROOT, "end-to-end: %d incidents synced in %.2f s = %.0f incidents/s (ServiceNow latency 50 ms)%n"
                        + "token requests: %d for %d events = %.2f per 1,000 events",
                SYNC_INCIDENTS, seconds, SYNC_INCIDENTS / seconds, tokens, SYNC_INCIDENTS, tokens * 1000.0 / SYNC_INCIDENTS);
    }

    static String burst(LoadDriver driver, ServiceNowEmulator serviceNow, IncidentIoEmulator incidentIo) throws Exception {
        String id = incidentIo.createIncident(IncidentSpec.of("Burst")).path("id").asText();
        List<String> bodies = new ArrayList<>();
        bodies.add(incidentIo.webhookBody("public_incident.incident_created_v2", id));
        for (int i = 1; i < 20; i++) {
            int n = i;
            incidentIo.updateIncident(id, incident -> incident.put("name", "Burst " + n));
            bodies.add(incidentIo.webhookBody("public_incident.incident_updated_v2", id));
        }
        serviceNow.clearRequests();
        driver.runInOrder(bodies);
        await(Duration.ofMinutes(1), () -> serviceNow.find("incident", "correlation_id=" + id).stream()
                .anyMatch(r -> r.get("short_description").equals("Burst 19")));
        Thread.sleep(1000);
        long writes = serviceNow.requests().stream().filter(r -> r.path().startsWith("/api/now/table/incident"))
                .filter(r -> r.method().equals("POST") || r.method().equals("PATCH")).count();
        return String.format(Locale.ROOT, "burst: 20 webhooks for one incident -> %d ServiceNow writes", writes);
    }

    /** 20 updates to one incident, 45 ms apart (0.86 s in all): a responder editing in Slack. */
    static String typedBurst(LoadDriver driver, ServiceNowEmulator serviceNow, IncidentIoEmulator incidentIo) throws Exception {
        String id = incidentIo.createIncident(IncidentSpec.of("Typed burst")).path("id").asText();
        serviceNow.clearRequests();
        driver.runInOrder(List.of(incidentIo.webhookBody("public_incident.incident_created_v2", id)));
        for (int i = 1; i < 20; i++) {
            Thread.sleep(45);
            int n = i;
            incidentIo.updateIncident(id, incident -> incident.put("name", "Typed burst " + n));
            driver.runInOrder(List.of(incidentIo.webhookBody("public_incident.incident_updated_v2", id)));
        }
        await(Duration.ofMinutes(1), () -> serviceNow.find("incident", "correlation_id=" + id).stream()
                .anyMatch(r -> r.get("short_description").equals("Typed burst 19")));
        Thread.sleep(3000);
        long writes = incidentWrites(serviceNow);
        return String.format(Locale.ROOT, "typed burst: 20 webhooks for one incident, 45 ms apart -> %d ServiceNow writes", writes);
    }

    /** One change at a time to an incident already in ServiceNow: acknowledgement to ServiceNow write. */
    static String isolatedChanges(LoadDriver driver, ServiceNowEmulator serviceNow, IncidentIoEmulator incidentIo) throws Exception {
        String id = incidentIo.createIncident(IncidentSpec.of("Isolated")).path("id").asText();
        driver.runInOrder(List.of(incidentIo.webhookBody("public_incident.incident_created_v2", id)));
        await(Duration.ofMinutes(1), () -> !serviceNow.find("incident", "correlation_id=" + id).isEmpty());
        Thread.sleep(1000);
        List<Double> delays = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            String name = "Isolated " + i;
            incidentIo.updateIncident(id, incident -> incident.put("name", name));
            serviceNow.clearRequests();
            driver.runInOrder(List.of(incidentIo.webhookBody("public_incident.incident_updated_v2", id)));
            java.time.Instant acknowledged = java.time.Instant.now();
            await(Duration.ofMinutes(1), () -> incidentWrites(serviceNow) > 0);
            java.time.Instant written = serviceNow.requests().stream().filter(BridgeBenchmark::isIncidentWrite)
                    .map(r -> r.at()).findFirst().orElseThrow();
            delays.add(Duration.between(acknowledged, written).toNanos() / 1e6);
            Thread.sleep(700);
        }
        java.util.Collections.sort(delays);
        return String.format(Locale.ROOT, "isolated change, acknowledgement to ServiceNow write (20 changes): p50 %.0f ms, max %.0f ms",
                delays.get(delays.size() / 2), delays.get(delays.size() - 1));
    }

    private static long incidentWrites(ServiceNowEmulator serviceNow) {
        return serviceNow.requests().stream().filter(BridgeBenchmark::isIncidentWrite).count();
    }

    private static boolean isIncidentWrite(io.incidentbridge.emulator.core.RecordedRequest r) {
        return r.path().startsWith("/api/now/table/incident") && (r.method().equals("POST") || r.method().equals("PATCH"));
    }

    static void await(Duration limit, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("benchmark phase did not finish within " + limit);
            }
            Thread.sleep(20);
        }
    }
}
