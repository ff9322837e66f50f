package io.incidentbridge.bench;

import io.incidentbridge.emulator.incidentio.IncidentIoEmulator;
import io.incidentbridge.emulator.incidentio.IncidentSpec;
import io.incidentbridge.emulator.incidentio.WebhookSender;
import io.incidentbridge.emulator.servicenow.ServiceNowEmulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * How long a restart leaves no bridge, and how much memory the bridge holds: the packaged jar in a process of its
 * own (as users run it), against both emulators in this one. For each case it starts the bridge {@code bench.runs}
 * times (3 by default; {@code -Dbench.runs}), one case after the other in each round, and prints the median of
 * <ul>
 *   <li>seconds from launching {@code java} to the first 202 on a signed {@code POST /webhooks/incident-io}
 *       (until then the port is closed or answers 503), and the CPU time the bridge used until then (which depends
 *       less on what else the machine is doing), and</li>
 *   <li>resident memory (VmRSS) once started, and after 1,000 signed webhooks for 100 incidents have been
 *       acknowledged and the 100 incidents written to ServiceNow.</li>
 * </ul>
 * Cases ({@code -Dbench.cases=jar,extracted,cds}, all three by default): {@code jar} runs
 * {@code java -jar target/incident-bridge-*.jar}; {@code extracted} the same jar unpacked with
 * {@code java -Djarmode=tools -jar ... extract} (under target/startup-cds/); {@code cds} the unpacked jar with the
 * class-data-sharing archive of a training run ({@code -XX:ArchiveClassesAtExit},
 * {@code -Dspring.context.exit=onRefresh}), the way deploy/Dockerfile builds the image; {@code baseline} runs another
 * build's jar, {@code -Dbench.baseline-jar}, to compare a change in the same rounds. {@code -Dbench.jar} measures another
 * jar, {@code -Dbench.dir} runs it in another folder (with application.yaml, routes/ and mappings/). Every run gets an
 * empty H2 file database. JVM options for the bridge:
 * {@code -Dbench.jvm-args} (default: a 1 GB container's, as in deploy/docker-compose.yaml).
 * Build the jar first ({@code ./mvnw package -DskipTests}), then
 * {@code ./mvnw -Pbenchmark spring-boot:test-run -Dbridge.run.main-class=io.incidentbridge.bench.StartupBenchmark}.
 * It is a program, not a test: it asserts nothing.
 */
public final class StartupBenchmark {
    private static final int WEBHOOKS = 1_000;
    private static final int INCIDENTS = 100;
    private static final Path WORK = Path.of("target", "startup-benchmark");

    private record Run(double secondsToFirst202, double cpuSecondsToFirst202, double secondsReported, long rssStartedKb,
                       long rssAfterKb) {
    }

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 3);
        List<String> cases = List.of(System.getProperty("bench.cases", "jar,extracted,cds").split(","));
        List<String> jvmArgs = List.of(System.getProperty("bench.jvm-args", "-XX:MaxRAM=1g -XX:MaxRAMPercentage=75").trim().split("\\s+"));
        Path jar = System.getProperty("bench.jar") != null ? Path.of(System.getProperty("bench.jar")).toAbsolutePath()
                : packagedJar().toAbsolutePath();
        Files.createDirectories(WORK);
        List<String> lines = new ArrayList<>();
        try (ServiceNowEmulator serviceNow = ServiceNowEmulator.start(); IncidentIoEmulator incidentIo = IncidentIoEmulator.start()) {
            incidentIo.rateLimitPerMinute(1_000_000);
            String secret = WebhookSender.newSecret();
            Map<String, String> env = Map.of(
                    "SERVICENOW_INSTANCE_URL", serviceNow.baseUrl(),
                    "SERVICENOW_CLIENT_ID", ServiceNowEmulator.CLIENT_ID,
                    "SERVICENOW_CLIENT_SECRET", ServiceNowEmulator.CLIENT_SECRET,
                    "SERVICENOW_USERNAME", ServiceNowEmulator.USERNAME,
                    "SERVICENOW_PASSWORD", ServiceNowEmulator.PASSWORD,
                    "INCIDENTIO_API_URL", incidentIo.baseUrl(),
                    "INCIDENTIO_API_KEY", IncidentIoEmulator.API_KEY,
                    "INCIDENTIO_WEBHOOK_SECRET", secret,
                    "SERVICENOW_CALLBACK_SECRET", WebhookSender.newSecret());
            Map<String, List<String>> commands = new LinkedHashMap<>();
            for (String name : cases) {
                commands.put(name.trim(), command(name.trim(), jar, jvmArgs, env));
            }
            // Round after round, each case once per round, so that a busy moment of the machine hits all cases alike.
            Map<String, List<Run>> results = new LinkedHashMap<>();
            for (int i = 1; i <= runs; i++) {
                for (Map.Entry<String, List<String>> entry : commands.entrySet()) {
                    String name = entry.getKey();
                    Run run = runOnce(entry.getValue(), env, serviceNow, incidentIo, secret, name + "-" + i);
                    System.out.printf(Locale.ROOT, "%s run %d: first 202 after %.2f s, %.1f CPU s (Spring Boot: started in %.2f s), RSS %d MB started, %d MB after %,d webhooks%n",
                            name, i, run.secondsToFirst202(), run.cpuSecondsToFirst202(), run.secondsReported(),
                            run.rssStartedKb() >> 10, run.rssAfterKb() >> 10, WEBHOOKS);
                    results.computeIfAbsent(name, n -> new ArrayList<>()).add(run);
                }
            }
            results.forEach((name, list) -> lines.add(String.format(Locale.ROOT,
                    "%-9s first 202 after %.1f s (%.1f CPU s; Spring Boot: started in %.1f s); RSS %d MB started, %d MB after %,d webhooks",
                    name, median(list, Run::secondsToFirst202), median(list, Run::cpuSecondsToFirst202),
                    median(list, Run::secondsReported), (long) median(list, Run::rssStartedKb) >> 10,
                    (long) median(list, Run::rssAfterKb) >> 10, WEBHOOKS)));
        }
        System.out.println();
        System.out.println("Incident Bridge startup, median of " + runs + " runs (" + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version") + ", bridge JVM options " + String.join(" ", jvmArgs) + ")");
        lines.forEach(System.out::println);
        System.exit(0);
    }

    private static List<String> command(String name, Path jar, List<String> jvmArgs, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmArgs);
        switch (name) {
            case "jar" -> command.addAll(List.of("-jar", jar.toString()));
            case "baseline" -> command.addAll(List.of("-jar", Path.of(System.getProperty("bench.baseline-jar",
                    "(set -Dbench.baseline-jar)")).toAbsolutePath().toString()));
            case "extracted" -> command.addAll(List.of("-jar", extract(jar).toString()));
            case "cds" -> {
                Path extracted = extract(jar);
                Path archive = cdsDir(jar).resolve("incident-bridge.jsa").toAbsolutePath();
                Files.deleteIfExists(archive);
                // The training run: start the context, write the loaded classes to the archive, exit.
                List<String> training = new ArrayList<>(List.of(java()));
                training.addAll(jvmArgs);
                training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh",
                        "-jar", extracted.toString()));
                Path dir = Files.createDirectories(WORK.resolve("cds-training"));
                Map<String, String> trainingEnv = new java.util.HashMap<>(withDatabase(env, dir));
                trainingEnv.put("SERVER_PORT", "0");
                run(training, trainingEnv, dir.resolve("bridge.log"));
                command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-jar", extracted.toString()));
            }
            default -> throw new IllegalArgumentException("unknown case " + name + " (jar, extracted, cds, baseline)");
        }
        return command;
    }

    /** Unpacks the jar once per benchmark (java -Djarmode=tools extract), as deploy/Dockerfile does. */
    private static Path extract(Path jar) throws Exception {
        Path app = cdsDir(jar).resolve("app");
        Path extracted = app.resolve(jar.getFileName()).toAbsolutePath();
        if (!Files.exists(extracted) || Files.getLastModifiedTime(extracted).compareTo(Files.getLastModifiedTime(jar)) < 0) {
            Files.createDirectories(app);
            run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination",
                    app.toAbsolutePath().toString()), Map.of(), cdsDir(jar).resolve("extract.log"));
        }
        return extracted;
    }

    private static Path cdsDir(Path jar) {
        return Path.of("target", "startup-cds", jar.getFileName().toString().replaceAll("\\.jar$", ""));
    }

    private static Run runOnce(List<String> command, Map<String, String> env, ServiceNowEmulator serviceNow,
                               IncidentIoEmulator incidentIo, String secret, String label) throws Exception {
        Path dir = Files.createDirectories(WORK.resolve(label + "-" + UUID.randomUUID()));
        int port = freePort();
        Map<String, String> runEnv = new java.util.HashMap<>(withDatabase(env, dir));
        runEnv.put("SERVER_PORT", Integer.toString(port));
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < INCIDENTS; i++) {
            String id = incidentIo.createIncident(IncidentSpec.of("Startup " + label + " " + i)).path("id").asText();
            bodies.add(incidentIo.webhookBody("public_incident.incident_created_v2", id));
        }
        String url = "http://127.0.0.1:" + port + "/webhooks/incident-io";
        ProcessBuilder builder = new ProcessBuilder(command).directory(bridgeDirectory().toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("bridge.log").toFile());
        builder.environment().putAll(runEnv);
        long launched = System.nanoTime();
        Process bridge = builder.start();
        Thread stopBridge = new Thread(bridge::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(stopBridge);
        try {
            double toFirst202 = firstAccepted(url, secret, bodies.get(0), launched, bridge);
            double cpu = cpuSeconds(bridge.pid());
            long rssStarted = residentKb(bridge.pid());
            int before = serviceNow.records("incident").size();
            LoadDriver.Result load = new LoadDriver(url, secret).run(bodies, WEBHOOKS, 8, 0);
            if (load.failures() > 0) {
                System.out.println(label + ": " + load.failures() + " webhooks not acknowledged");
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (serviceNow.records("incident").size() < before + INCIDENTS - 1 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1_000);
            long rssAfter = residentKb(bridge.pid());
            return new Run(toFirst202, cpu, reportedStartup(dir.resolve("bridge.log")), rssStarted, rssAfter);
        } finally {
            bridge.destroy();
            if (!bridge.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                bridge.destroyForcibly().waitFor();
            }
            Runtime.getRuntime().removeShutdownHook(stopBridge);
        }
    }

    /** Sends the same signed webhook every 20 ms until one is answered 202; seconds since launch. */
    private static double firstAccepted(String url, String secret, String body, long launched, Process bridge) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        String id = "msg_" + UUID.randomUUID();
        while (bridge.isAlive()) {
            long timestamp = System.currentTimeMillis() / 1000;
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSender.sign(secret, id, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 202) {
                    return (System.nanoTime() - launched) / 1e9;
                }
            } catch (IOException notListeningYet) {
                // connection refused: the port is not open yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the bridge stopped before accepting a webhook (exit " + bridge.exitValue() + ")");
    }

    private static Map<String, String> withDatabase(Map<String, String> env, Path dir) {
        Map<String, String> result = new java.util.HashMap<>(env);
        result.put("BRIDGE_DB_URL", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("bridge")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        return result;
    }

    private static void run(List<String> command, Map<String, String> env, Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(bridgeDirectory().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + ", see " + log);
        }
    }

    /** VmRSS of a process, in KiB (Linux). */
    static long residentKb(long pid) throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElseThrow();
        }
    }

    /** CPU time (user and system, all threads) a process has used so far (Linux, 100 clock ticks a second). */
    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // After the command name: state is field 3 of stat(5), so utime (14) and stime (15) are at 11 and 12 here.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /** "Started IncidentBridgeApplication in 12.3 seconds" from the bridge's log, or NaN. */
    private static double reportedStartup(Path log) throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Started \\w+ in ([0-9.]+) seconds")
                .matcher(Files.readString(log));
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> value) {
        double[] values = runs.stream().mapToDouble(value).toArray();
        Arrays.sort(values);
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("incident-bridge-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no target/incident-bridge-*.jar: run ./mvnw package -DskipTests first"));
        }
    }

    /** Where the bridge runs: a folder with application.yaml, routes/ and mappings/ ({@code -Dbench.dir}, default here). */
    private static Path bridgeDirectory() {
        return Path.of(System.getProperty("bench.dir", "")).toAbsolutePath();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
