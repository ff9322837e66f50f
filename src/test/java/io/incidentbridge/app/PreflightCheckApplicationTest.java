package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentbridge.IncidentBridgeApplication;
import io.incidentbridge.TestDatabase;
import io.incidentbridge.emulator.incidentio.IncidentIoEmulator;
import io.incidentbridge.emulator.incidentio.WebhookSender;
import io.incidentbridge.emulator.servicenow.SeedData;
import io.incidentbridge.emulator.servicenow.ServiceNowEmulator;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar incident-bridge.jar --check} as a pipeline runs it: a process of its own against both emulators that
 * serves nothing, says what is wrong in the words of the set-up steps, and exits 0 when all is well, 1 otherwise.
 */
class PreflightCheckApplicationTest {
    @Test
    void passesWhenAllIsWellAndNamesAMissingRoleAWrongPasswordAndAnInvalidSetting() throws Exception {
        Path workDir = Files.createDirectories(Path.of("target", "preflight-test", UUID.randomUUID().toString()));
        TestDatabase.Credentials database = TestDatabase.newDatabase("jdbc:h2:file:" + workDir.toAbsolutePath().resolve("bridge"));
        try (ServiceNowEmulator serviceNow = ServiceNowEmulator.start();
             IncidentIoEmulator incidentIo = IncidentIoEmulator.start()) {
            Map<String, String> env = BridgeProcess.environment(serviceNow, incidentIo, WebhookSender.newSecret(), database);
            env.put("SERVICENOW_CALLBACK_SECRET", WebhookSender.newSecret());
            env.put("BRIDGE_ADMIN_USER", "admin");
            env.put("BRIDGE_ADMIN_PASSWORD", "admin-password");
            int port = 18000 + (int) (Math.random() * 1000);
            env.put("SERVER_PORT", Integer.toString(port));

            // An incident the integration user may read, so that a missing read role shows (rows hidden behind X-Total-Count).
            serviceNow.insert("incident", Map.of("short_description", "Printer on fire", "correlation_display", "incident.io"));
            Result good = check(env, workDir.resolve("good.log"));
            assertThat(good.exit).as(good.output).isEqualTo(0);
            assertThat(good.output).contains("settings are valid").contains("mappings in").contains("ServiceNow")
                    .contains("INCIDENTIO_API_KEY").contains("Check passed").doesNotContain("PROBLEM");
            assertThat(good.output).as("it served nothing").doesNotContain("Tomcat started");

            Set<String> roles = new HashSet<>(SeedData.INTEGRATION_ROLES);
            roles.remove("incident_manager");
            serviceNow.setRoles(ServiceNowEmulator.USERNAME, roles);
            Result missingRole = check(env, workDir.resolve("missing-role.log"));
            assertThat(missingRole.exit).as(missingRole.output).isEqualTo(1);
            assertThat(missingRole.output).contains("PROBLEM").contains("role incident_manager").contains("Check failed");
            serviceNow.setRoles(ServiceNowEmulator.USERNAME, SeedData.INTEGRATION_ROLES);

            Map<String, String> wrongPassword = new java.util.HashMap<>(env);
            wrongPassword.put("SERVICENOW_PASSWORD", "not-the-password");
            wrongPassword.put("INCIDENTIO_API_KEY", "not-the-key");
            Result refused = check(wrongPassword, workDir.resolve("wrong-password.log"));
            assertThat(refused.exit).as(refused.output).isEqualTo(1);
            assertThat(refused.output).contains("SERVICENOW_USERNAME").contains("INCIDENTIO_API_KEY is refused");
            assertThat(refused.output).as("no secret is printed").doesNotContain("not-the-password").doesNotContain("not-the-key");

            Map<String, String> invalid = new java.util.HashMap<>(env);
            invalid.remove("SERVICENOW_INSTANCE_URL");
            invalid.put("SERVICENOW_SUBDOMAIN", "Not A Subdomain!");
            Result wrongSetting = check(invalid, workDir.resolve("invalid.log"));
            assertThat(wrongSetting.exit).as(wrongSetting.output).isEqualTo(1);
            assertThat(wrongSetting.output).contains("SERVICENOW_SUBDOMAIN must match");
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result check(Map<String, String> env, Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), IncidentBridgeApplication.class.getName(), "--check"))
                .directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("--check did not finish; see " + log);
        }
        return new Result(process.exitValue(), Files.readString(log));
    }
}
