package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentbridge.TestDatabase;
import io.incidentbridge.emulator.incidentio.IncidentIoEmulator;
import io.incidentbridge.emulator.incidentio.IncidentSpec;
import io.incidentbridge.emulator.incidentio.WebhookSender;
import io.incidentbridge.emulator.servicenow.ServiceNowEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Where the routes come from, as deployed: a ConfigMap volume mounted through a symbolic link serves webhooks; an
 * empty route folder stops the bridge at startup with a message naming the folder and the pattern.
 */
class RoutesFolderStartupTest {

    @Test
    void anEmptyRouteFolderRefusesToStartNamingTheFolderAndThePattern() throws Exception {
        Path workDir = Files.createDirectories(Path.of("target", "routes-folder", UUID.randomUUID().toString()));
        Path empty = Files.createDirectories(workDir.resolve("routes")).toAbsolutePath();
        try (ServiceNowEmulator serviceNow = ServiceNowEmulator.start();
             IncidentIoEmulator incidentIo = IncidentIoEmulator.start()) {
            Map<String, String> env = environment(serviceNow, incidentIo, WebhookSender.newSecret(), workDir);
            env.put("CAMEL_MAIN_ROUTESINCLUDEPATTERN", "file:" + empty + "/*.camel.yaml");
            try (BridgeProcess bridge = new BridgeProcess(env, workDir.resolve("bridge.log"))) {
                assertThat(bridge.startExpectingExit(Duration.ofSeconds(300))).as("exit code").isNotZero();
                assertThat(Files.readString(bridge.log())).contains("routes are missing")
                        .contains("incident-io-webhook-receive").contains("file:" + empty.toRealPath() + "/*.camel.yaml");
            }
        }
    }

    @Test
    void routesFromAConfigMapVolumeMountedThroughALinkServeWebhooks() throws Exception {
        Path workDir = Files.createDirectories(Path.of("target", "routes-folder", UUID.randomUUID().toString())).toAbsolutePath();
        Path volume = Files.createDirectories(workDir.resolve("volumes/routes"));
        Path version = Files.createDirectories(volume.resolve("..2026_12_04_v1"));
        Files.createSymbolicLink(volume.resolve("..data"), Path.of("..2026_12_04_v1"));
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.toList()) {
                Files.copy(file, version.resolve(file.getFileName()));
                Files.createSymbolicLink(volume.resolve(file.getFileName()), Path.of("..data").resolve(file.getFileName()));
            }
        }
        Path routes = Files.createSymbolicLink(workDir.resolve("routes"), volume);
        String secret = WebhookSender.newSecret();
        try (ServiceNowEmulator serviceNow = ServiceNowEmulator.start();
             IncidentIoEmulator incidentIo = IncidentIoEmulator.start()) {
            Map<String, String> env = environment(serviceNow, incidentIo, secret, workDir);
            env.put("CAMEL_MAIN_ROUTESINCLUDEPATTERN", "file:" + routes + "/*.camel.yaml");
            try (BridgeProcess bridge = new BridgeProcess(env, workDir.resolve("bridge.log")).start()) {
                String id = incidentIo.createIncident(IncidentSpec.of("Routes from a ConfigMap")).path("id").asText();
                String body = incidentIo.webhookBody("public_incident.incident_created_v2", id);
                long now = Instant.now().getEpochSecond();
                int status = new WebhookSender(bridge.baseUrl() + "/webhooks/incident-io", secret)
                        .post("msg_configmap", now, body, WebhookSender.sign(secret, "msg_configmap", now, body)).statusCode();
                assertThat(status).isEqualTo(202);
            }
        }
    }

    private static Map<String, String> environment(ServiceNowEmulator serviceNow, IncidentIoEmulator incidentIo,
                                                   String secret, Path workDir) {
        TestDatabase.Credentials database = TestDatabase.newDatabase(
                "jdbc:h2:file:" + workDir.toAbsolutePath().resolve("bridge") + ";WRITE_DELAY=0");
        return BridgeProcess.environment(serviceNow, incidentIo, secret, database);
    }
}
