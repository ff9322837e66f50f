package io.incidentbridge.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged bridge started as users start it, {@code java -jar target/incident-bridge-*.jar} in a JVM of its own,
 * configured only through environment variables, with its output in a log file.
 */
final class BridgeJar implements AutoCloseable {
    private final Process process;
    private final long startedNanos;
    private final int port;

    private BridgeJar(Process process, long startedNanos, int port) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.port = port;
    }

    /** {@code jvmOptions}: extra options before {@code -jar}, separated by spaces; empty for the defaults. */
    static BridgeJar start(Path jar, Map<String, String> environment, String jvmOptions, Path log) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Arrays.stream(jvmOptions.trim().split("\\s+")).filter(option -> !option.isEmpty()).forEach(command::add);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        long started = System.nanoTime();
        return new BridgeJar(builder.start(), started, port);
    }

    /** The one jar {@code ./mvnw package} leaves in target/ (not the plain one Maven keeps beside it). */
    static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().matches("incident-bridge-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith(".original")).toList();
            if (jars.size() != 1) {
                throw new IllegalStateException("expected one packaged jar in target/, found " + jars
                        + "; run ./mvnw -B -ntp -q package -DskipTests first");
            }
            return jars.get(0);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long startedNanos() {
        return startedNanos;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Resident memory of the bridge's JVM in MB, from /proc (Linux): {@code VmRSS}, or {@code VmHWM} for the peak. */
    long residentMegabytes(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/" + process.pid() + "/status");
    }

    /** SIGTERM, as an orchestrator stops it, and a wait for the JVM to exit (flight recordings are written then). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
