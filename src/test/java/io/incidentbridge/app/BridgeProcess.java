package io.incidentbridge.app;

import static org.awaitility.Awaitility.await;

import io.incidentbridge.IncidentBridgeApplication;
import io.incidentbridge.TestDatabase;
import io.incidentbridge.emulator.incidentio.IncidentIoEmulator;
import io.incidentbridge.emulator.servicenow.ServiceNowEmulator;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The bridge in a JVM of its own, so a test can kill it the hard way (SIGKILL) and start it again. */
public final class BridgeProcess implements AutoCloseable {
    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private Process process;

    /**
     * What a bridge needs to run against these emulators and this database, with a short claim lease (6 s, renewed
     * every 2 s) so a killed bridge's claims are taken over quickly. The map can be added to.
     */
    public static Map<String, String> environment(ServiceNowEmulator serviceNow, IncidentIoEmulator incidentIo,
                                                  String webhookSecret, TestDatabase.Credentials database) {
        return new HashMap<>(Map.ofEntries(
                Map.entry("SERVICENOW_INSTANCE_URL", serviceNow.baseUrl()),
                Map.entry("SERVICENOW_CLIENT_ID", ServiceNowEmulator.CLIENT_ID),
                Map.entry("SERVICENOW_CLIENT_SECRET", ServiceNowEmulator.CLIENT_SECRET),
                Map.entry("SERVICENOW_USERNAME", ServiceNowEmulator.USERNAME),
                Map.entry("SERVICENOW_PASSWORD", ServiceNowEmulator.PASSWORD),
                Map.entry("INCIDENTIO_API_URL", incidentIo.baseUrl()),
                Map.entry("INCIDENTIO_API_KEY", IncidentIoEmulator.API_KEY),
                Map.entry("INCIDENTIO_WEBHOOK_SECRET", webhookSecret),
                Map.entry("BRIDGE_INBOX_CLAIMLEASE", "6s"),
                Map.entry("BRIDGE_INBOX_LEASERENEWALINTERVAL", "2000"),
                Map.entry("BRIDGE_DB_URL", database.url()),
                Map.entry("BRIDGE_DB_USER", database.user()),
                Map.entry("BRIDGE_DB_PASSWORD", database.password())));
    }

    public BridgeProcess(Map<String, String> environment, Path log) {
        this.environment = environment;
        this.log = log;
        this.port = freePort();
    }

    public BridgeProcess start() throws IOException {
        launch();
        HttpClient http = HttpClient.newHttpClient();
        try {
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the bridge exited with " + process.exitValue() + "; see " + log);
                }
                return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/liveness")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            });
        } catch (RuntimeException notStarted) {
            // A bridge that did not come up is not left running behind the failed test.
            kill();
            throw notStarted;
        }
        return this;
    }

    /** Starts the bridge and waits for it to exit by itself (a bridge that refuses to start); its exit code. */
    public int startExpectingExit(Duration patience) throws IOException, InterruptedException {
        launch();
        if (!process.waitFor(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            kill();
            throw new IllegalStateException("the bridge is still running after " + patience + "; see " + log);
        }
        return process.exitValue();
    }

    /** SIGTERM, as an orchestrator stops it: the normal, graceful stop. Waits for the JVM to exit; its exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("the bridge did not stop within 60 s of SIGTERM; see " + log);
        }
        return process.exitValue();
    }

    public Path log() {
        return log;
    }

    private void launch() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), IncidentBridgeApplication.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        process = builder.start();
    }

    /** SIGKILL: no shutdown hooks, no graceful drain. {@link #start()} may be called again, on the same port. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing the bridge", e);
        }
    }

    /** The running JVM's process id (the bridge names its replica host/pid). */
    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
