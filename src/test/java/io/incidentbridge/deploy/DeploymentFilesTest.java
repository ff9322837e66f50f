package io.incidentbridge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The files under deploy/ that operators copy: the docker-compose file has the shape the Compose specification requires
 * and passes the Compose CLI's own check ({@code docker compose config}, or the older {@code docker-compose config};
 * neither needs a Docker engine), and every secret the bridge reads is listed in the env file and the Kubernetes
 * Secret example.
 */
class DeploymentFilesTest {
    private static final Set<String> COMPOSE_TOP_LEVEL = Set.of("name", "services", "volumes", "networks", "secrets", "configs", "include");
    private static final Pattern SECRET = Pattern.compile("\\$\\{([A-Z_]*(SECRET|PASSWORD|API_KEY|CLIENT_ID|USERNAME|_USER))[:}]");
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void composeRunsTheBridgeWithPostgresHealthchecksLimitsAndTheEnvFile() throws IOException {
        JsonNode compose = yaml.readTree(Path.of("deploy/docker-compose.yaml").toFile());
        compose.fieldNames().forEachRemaining(key -> assertThat(COMPOSE_TOP_LEVEL).as("top-level key").contains(key));
        JsonNode services = compose.path("services");
        assertThat(services.has("bridge") && services.has("postgres")).isTrue();
        services.fields().forEachRemaining(service -> {
            String name = service.getKey();
            JsonNode spec = service.getValue();
            assertThat(spec.path("image").asText()).as(name + " image").isNotBlank();
            assertThat(spec.path("healthcheck").path("test").isArray()).as(name + " healthcheck.test").isTrue();
            assertThat(spec.path("healthcheck").path("test").get(0).asText()).as(name).isIn("CMD", "CMD-SHELL");
            assertThat(spec.path("deploy").path("resources").path("limits").path("memory").asText()).as(name + " memory limit").isNotBlank();
            spec.path("depends_on").fields().forEachRemaining(dependency -> {
                assertThat(services.has(dependency.getKey())).isTrue();
                assertThat(dependency.getValue().path("condition").asText()).isEqualTo("service_healthy");
            });
            spec.path("volumes").forEach(volume -> {
                String source = volume.asText().split(":")[0];
                if (!source.startsWith(".") && !source.startsWith("/")) {
                    assertThat(compose.path("volumes").has(source)).as("named volume " + source + " is declared").isTrue();
                }
            });
        });
        JsonNode bridge = services.path("bridge");
        assertThat(bridge.path("env_file").get(0).asText()).isEqualTo("bridge.env");
        assertThat(bridge.path("environment").path("BRIDGE_DB_URL").asText()).startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(bridge.path("healthcheck").toString()).contains("/actuator/health/readiness");
        bridge.path("environment").fieldNames().forEachRemaining(variable ->
                assertThat(variable).as("no secret in the compose file itself").doesNotContainPattern("SECRET|PASSWORD|API_KEY"));
    }

    @Test
    void theEnvFileAndTheKubernetesSecretListEverySecretTheBridgeReads() throws IOException {
        Set<String> secrets = new TreeSet<>();
        Matcher matcher = SECRET.matcher(Files.readString(Path.of("application.yaml")));
        while (matcher.find()) {
            secrets.add(matcher.group(1));
        }
        assertThat(secrets).contains("SERVICENOW_CALLBACK_SECRET", "INCIDENTIO_WEBHOOK_SECRET", "BRIDGE_DB_PASSWORD");

        Properties envFile = new Properties();
        try (var in = Files.newBufferedReader(Path.of("deploy/bridge.env.example"))) {
            envFile.load(in);
        }
        JsonNode secret = yaml.readTree(Path.of("deploy/kubernetes/secret.example.yaml").toFile());
        assertThat(secret.path("kind").asText()).isEqualTo("Secret");
        for (String name : secrets) {
            assertThat(envFile).as("deploy/bridge.env.example").containsKey(name);
            assertThat(secret.path("stringData").has(name)).as(name + " in deploy/kubernetes/secret.example.yaml").isTrue();
        }
    }

    @Test
    void kustomizationListsFilesThatExist() throws IOException {
        JsonNode kustomization = yaml.readTree(Path.of("deploy/kubernetes/kustomization.yaml").toFile());
        for (JsonNode resource : kustomization.path("resources")) {
            assertThat(Path.of("deploy/kubernetes", resource.asText())).exists();
        }
        assertThat(Path.of("deploy/kubernetes/prometheus-rules.yaml")).exists();
    }

    /** The Compose CLI reads the file with the example env file (a password filled in, as an operator would). */
    @Test
    void theComposeCliAcceptsTheFile(@org.junit.jupiter.api.io.TempDir Path work) throws Exception {
        java.util.List<String> cli = composeCli();
        org.junit.jupiter.api.Assumptions.assumeTrue(cli != null, "no Compose CLI on this machine (.ci/run installs one)");
        Path deploy = work.resolve("deploy");
        Files.createDirectories(deploy);
        Files.copy(Path.of("deploy/docker-compose.yaml"), deploy.resolve("docker-compose.yaml"));
        Files.writeString(deploy.resolve("bridge.env"), Files.readString(Path.of("deploy/bridge.env.example"))
                .replace("BRIDGE_DB_PASSWORD=\n", "BRIDGE_DB_PASSWORD=only-for-this-test\n"));
        java.util.List<String> command = new java.util.ArrayList<>(cli);
        command.addAll(java.util.List.of("--env-file", "bridge.env", "config"));
        Process check = new ProcessBuilder(command).directory(deploy.toFile()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(output).isZero();
        assertThat(output).contains("jdbc:postgresql://postgres:5432/bridge").contains("service_healthy");
    }

    private static java.util.List<String> composeCli() throws InterruptedException {
        for (java.util.List<String> candidate : java.util.List.of(java.util.List.of("docker", "compose"), java.util.List.of("docker-compose"))) {
            try {
                java.util.List<String> version = new java.util.ArrayList<>(candidate);
                version.add("version");
                Process probe = new ProcessBuilder(version).redirectErrorStream(true).start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor() == 0) {
                    return candidate;
                }
            } catch (IOException notInstalled) {
                // try the next one
            }
        }
        return null;
    }
}
