package io.incidentbridge.bench;

import io.incidentbridge.emulator.incidentio.IncidentIoEmulator;
import io.incidentbridge.emulator.incidentio.IncidentSpec;
import io.incidentbridge.emulator.incidentio.WebhookSender;
import io.incidentbridge.emulator.servicenow.ServiceNowEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The bridge as users run it: the packaged jar started with {@code java -jar} in a JVM of its own, configured by
 * environment variables to reach both emulators, which run with the load driver in this JVM, on the same cores.
 * Prints, in one run: signed-webhook ingest beside a trivial 202 route in the same bridge process, end-to-end
 * incidents/s at 50 ms ServiceNow latency, calls per incident on each side, ServiceNow writes per burst,
 * isolated-change latency, startup time to the first 202 and resident memory.
 * <p>
 * Run with {@code ./mvnw -B -ntp -q package -DskipTests} and then
 * {@code ./mvnw -Pbenchmark spring-boot:test-run -Dspring-boot.run.arguments=--mode=processes}. Further arguments:
 * {@code --jar=path} (another build of the bridge), {@code --bridge-jvm-options=...} (e.g. a flight recording,
 * one option, or several separated by spaces inside quotes) and {@code --phases=ingest} (stop after the
 * ingest phase, for profiling) and {@code --bridge-env=NAME=value;NAME=value} (more environment for the bridge,
 * e.g. a PostgreSQL {@code BRIDGE_DB_URL}). It is a program, not a test: it asserts nothing.
 */
final class ProcessBenchmark {
    /** Only the benchmark loads it (an extra routes-include pattern); it never ships in routes/. */
    private static final String TRIVIAL_ROUTE = "file:src/test/resources/bench/trivial-202.camel.yaml";
    private static final int CONNECTIONS = 16;
    private static final int INGEST_ROUNDS = 3;
    private static final int INGEST_WEBHOOKS = 3_000;
    private static final int SYNC_INCIDENTS = 1_000;

    private ProcessBenchmark() {
    }

    static void main(String[] args) throws Exception {
        Map<String, String> options = Arrays.stream(args).filter(a -> a.startsWith("--") && a.contains("="))
                .collect(Collectors.toMap(a -> a.substring(2, a.indexOf('=')), a -> a.substring(a.indexOf('=') + 1)));
        Path jar = options.containsKey("jar") ? Path.of(options.get("jar")) : BridgeJar.packagedJar();
        Path dir = Files.createDirectories(Path.of("target", "benchmark", UUID.randomUUID().toString()));
        List<String> results = new ArrayList<>();
        try (ServiceNowEmulator serviceNow = ServiceNowEmulator.start(); IncidentIoEmulator incidentIo = IncidentIoEmulator.start()) {
            String secret = WebhookSender.newSecret();
            incidentIo.rateLimitPerMinute(1_000_000);
            Map<String, String> environment = environment(serviceNow, incidentIo, secret, dir);
            Arrays.stream(options.getOrDefault("bridge-env", "").split(";")).filter(pair -> pair.contains("="))
                    .forEach(pair -> environment.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1)));
            try (BridgeJar bridge = BridgeJar.start(jar, environment, options.getOrDefault("bridge-jvm-options", ""),
                    dir.resolve("bridge.log"))) {
                LoadDriver signed = new LoadDriver(bridge.baseUrl() + "/webhooks/incident-io", secret);
                LoadDriver trivial = new LoadDriver(bridge.baseUrl() + "/webhooks/benchmark-trivial", secret);
                results.add(startup(bridge, signed, incidentIo));

                List<String> bodies = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    String id = incidentIo.createIncident(IncidentSpec.of("Ingest " + i)).path("id").asText();
                    bodies.add(incidentIo.webhookBody("public_incident.incident_created_v2", id));
                }
                signed.run(bodies, 1_000, CONNECTIONS, 0);
                results.add(String.format(Locale.ROOT, "resident memory after 1,000 webhooks: %d MB (VmRSS)",
                        bridge.residentMegabytes("VmRSS")));
                trivial.run(bodies, 1_000, CONNECTIONS, 0);
                // The 200 incidents sync in the background; let that finish so both routes meet the same quiet bridge.
                BridgeBenchmark.await(Duration.ofMinutes(5), () -> serviceNow.records("incident").size() >= 201);
                Thread.sleep(2_000);
                results.add(ingest(signed, trivial, bodies));
                if ("ingest".equals(options.get("phases"))) {
                    print(jar, dir, results);
                    bridge.close();
                    System.exit(0);
                }
                BridgeBenchmark.await(Duration.ofMinutes(5), () -> serviceNow.records("incident").size() >= 201);
                Thread.sleep(3_000);

                results.add(endToEnd(signed, serviceNow, incidentIo));
                results.add(BridgeBenchmark.burst(signed, serviceNow, incidentIo));
                results.add(BridgeBenchmark.typedBurst(signed, serviceNow, incidentIo));
                results.add(BridgeBenchmark.isolatedChanges(signed, serviceNow, incidentIo));
                results.add(String.format(Locale.ROOT, "resident memory at the end: %d MB (VmRSS), peak %d MB (VmHWM)",
                        bridge.residentMegabytes("VmRSS"), bridge.residentMegabytes("VmHWM")));
            }
        }
        print(jar, dir, results);
        System.exit(0);
    }

    private static void print(Path jar, Path dir, List<String> results) {
        System.out.println();
        System.out.println("Incident Bridge benchmark, processes: java -jar " + jar.getFileName() + " in its own JVM, emulators and load"
                + " driver in another (" + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.version")
                + "); bridge log in " + dir.resolve("bridge.log"));
        results.forEach(System.out::println);
    }

    /** The names a real install sets, plus the trivial route, a database of its own and the bridge's default logging. */
    private static Map<String, String> environment(ServiceNowEmulator serviceNow, IncidentIoEmulator incidentIo, String secret, Path dir) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "SERVICENOW_INSTANCE_URL", serviceNow.baseUrl(),
                "SERVICENOW_CLIENT_ID", ServiceNowEmulator.CLIENT_ID,
                "SERVICENOW_CLIENT_SECRET", ServiceNowEmulator.CLIENT_SECRET,
                "SERVICENOW_USERNAME", ServiceNowEmulator.USERNAME,
                "SERVICENOW_PASSWORD", ServiceNowEmulator.PASSWORD,
                "INCIDENTIO_API_URL", incidentIo.baseUrl(),
                "INCIDENTIO_API_KEY", IncidentIoEmulator.API_KEY,
                "INCIDENTIO_WEBHOOK_SECRET", secret,
                "SERVICENOW_CALLBACK_SECRET", WebhookSender.newSecret()));
        environment.put("BRIDGE_DB_URL", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("bridge") + ";WRITE_DELAY=0");
        environment.put("CAMEL_MAIN_ROUTESINCLUDEPATTERN", "file:routes/*.camel.yaml," + TRIVIAL_ROUTE);
        return environment;
    }

    /** From starting the JVM to the first signed webhook answered 202 (503 while starting, refused before the port opens). */
    private static String startup(BridgeJar bridge, LoadDriver signed, IncidentIoEmulator incidentIo) throws Exception {
        String body = incidentIo.webhookBody("public_incident.incident_created_v2",
                incidentIo.createIncident(IncidentSpec.of("Startup")).path("id").asText());
        long deadline = bridge.startedNanos() + Duration.ofMinutes(4).toNanos();
        while (true) {
            if (!bridge.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the bridge did not answer a webhook with 202; see its log");
            }
            try {
                if (signed.send(body) == 202) {
                    break;
                }
            } catch (java.io.IOException notListeningYet) {
                // The port is not open yet: the bridge is still starting.
            }
            Thread.sleep(20);
        }
        return String.format(Locale.ROOT, "startup: %.1f s from starting the JVM to the first webhook answered 202",
                (System.nanoTime() - bridge.startedNanos()) / 1e9);
    }

    /** Distinct signed webhooks against the trivial route, in alternating rounds so background work and noise fall on both. */
    private static String ingest(LoadDriver signed, LoadDriver trivial, List<String> bodies) throws Exception {
        List<LoadDriver.Result> signedRuns = new ArrayList<>();
        List<LoadDriver.Result> trivialRuns = new ArrayList<>();
        for (int round = 0; round < INGEST_ROUNDS; round++) {
            trivialRuns.add(trivial.run(bodies, INGEST_WEBHOOKS, CONNECTIONS, 0));
            signedRuns.add(signed.run(bodies, INGEST_WEBHOOKS, CONNECTIONS, 0));
        }
        LoadDriver.Result s = LoadDriver.Result.combined(signedRuns);
        LoadDriver.Result t = LoadDriver.Result.combined(trivialRuns);
        String rounds = String.format(Locale.ROOT, "  rounds (webhooks/s): signed %s; trivial %s",
                signedRuns.stream().map(r -> String.format(Locale.ROOT, "%.0f", r.perSecond())).collect(Collectors.joining(", ")),
                trivialRuns.stream().map(r -> String.format(Locale.ROOT, "%.0f", r.perSecond())).collect(Collectors.joining(", ")));
        return String.format(Locale.ROOT, "ingest, %d connections, %d x %d distinct webhooks each:%n"
                        + "  signed, stored  /webhooks/incident-io       %6.0f/s  p50 %5.1f ms  p99 %5.1f ms  non-2xx %d%n"
                        + "  trivial 202     /webhooks/benchmark-trivial %6.0f/s  p50 %5.1f ms  p99 %5.1f ms  non-2xx %d%n"
                        + "  ratio signed/trivial: %.2f%n%s",
                CONNECTIONS, INGEST_ROUNDS, INGEST_WEBHOOKS,
                s.perSecond(), s.p50Millis(), s.p99Millis(), s.failures(),
                t.perSecond(), t.p50Millis(), t.p99Millis(), t.failures(),
                s.perSecond() / t.perSecond(), rounds);
    }

    /** 1,000 new incidents, one webhook each, ServiceNow answering after 50 ms; and what each side was asked for them. */
    private static String endToEnd(LoadDriver signed, ServiceNowEmulator serviceNow, IncidentIoEmulator incidentIo) throws Exception {
        serviceNow.faults().latency(Duration.ofMillis(50));
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < SYNC_INCIDENTS; i++) {
            String id = incidentIo.createIncident(IncidentSpec.of("Throughput " + i)).path("id").asText();
            bodies.add(incidentIo.webhookBody("public_incident.incident_created_v2", id));
        }
        long baseline = serviceNow.records("incident").size();
        serviceNow.clearRequests();
        incidentIo.clearRequests();
        long start = System.nanoTime();
        signed.run(bodies, bodies.size(), 8, 0);
        BridgeBenchmark.await(Duration.ofMinutes(10), () -> serviceNow.records("incident").size() >= baseline + SYNC_INCIDENTS);
        double seconds = (System.nanoTime() - start) / 1e9;
        // Calls that follow the write (e.g. the link back on the incident.io side) are counted too.
        Thread.sleep(2_000);
        serviceNow.faults().reset();
        String serviceNowCalls = perIncident(serviceNow.requests(), r -> r.method() + " " + tablePath(r.path()),
                io.incidentbridge.emulator.core.RecordedRequest::path);
        String incidentIoCalls = perIncident(incidentIo.requests(), r -> r.method() + " " + r.path().replaceAll("/[0-9A-Z]{20,}.*", "/{id}"),
                r -> r.path());
        return String.format(Locale.ROOT, "end-to-end: %d incidents synced in %.2f s = %.0f incidents/s (ServiceNow latency 50 ms)%n"
                        + "calls per incident, ServiceNow: %s%n"
                        + "calls per incident, incident.io: %s",
                SYNC_INCIDENTS, seconds, SYNC_INCIDENTS / seconds, serviceNowCalls, incidentIoCalls);
    }

    private static <R> String perIncident(List<R> requests, Function<R, String> kind, Function<R, String> path) {
        Map<String, Long> byKind = requests.stream().collect(Collectors.groupingBy(kind, TreeMap::new, Collectors.counting()));
        return String.format(Locale.ROOT, "%.2f (%s)", requests.size() / (double) SYNC_INCIDENTS,
                byKind.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / (double) SYNC_INCIDENTS))
                        .collect(Collectors.joining(", ")));
    }

    private static String tablePath(String path) {
        return path.replaceAll("(/api/now/table/[a-z_]+)/.*", "$1/{sys_id}");
    }
}
