package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The mapping versions in the admin API: the files are version 1, a save is in force at once and on the next sync, a
 * template that does not compile or a save from a stale version changes nothing, a restore makes a new version, drafts
 * are checked and previewed without being in force, and (PostgreSQL pass) a second bridge on the same database puts
 * a save in force within seconds.
 */
class MappingWorkbenchApplicationTest extends BridgeApplicationTest {
    private static final String TEMPLATE = "incident-to-servicenow.jslt";
    private static final String NAME_LINE = "\"short_description\": truncate(.name, 160),";
    private static final String PREFIXED_LINE = "\"short_description\": truncate(\"Workbench: \" + .name, 160),";
    private final ObjectMapper json = new ObjectMapper();

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.core.env.Environment environment;

    /** Whatever a test did, the template in force is the file's content again for the tests after it. */
    @AfterEach
    void putTheFileContentBackInForce() throws Exception {
        String file = Files.readString(MAPPINGS.resolve(TEMPLATE));
        JsonNode current = get("/api/mappings/" + TEMPLATE);
        if (!current.path("content").asText().equals(file)) {
            assertThat(put(TEMPLATE, Map.of("content", file, "comment", "back to the file")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void everyMappingFileIsListedWithItsVersionInForceAndTheViewerMayReadButNotSave() throws Exception {
        JsonNode list = get("/api/mappings");
        assertThat(list).hasSize(6);
        assertThat(list.findValuesAsText("name")).containsExactlyInAnyOrder("incident-to-servicenow.jslt", "servicenow-to-incident.jslt",
                "follow-up-to-task.jslt", "task-to-follow-up.jslt", "incident-update-to-note.jslt", "values.yaml");
        for (JsonNode entry : list) {
            assertThat(entry.path("version").asInt()).isPositive();
            assertThat(entry.path("updated_by").asText()).isNotBlank();
            assertThat(entry.path("updated_at").asText()).isNotBlank();
        }
        JsonNode values = get("/api/mappings/values.yaml");
        assertThat(values.path("content").asText()).isEqualTo(Files.readString(MAPPINGS.resolve("values.yaml")));
        JsonNode first = json.readTree(client().call("GET", "/api/mappings/values.yaml/versions/1", VIEWER_USER, VIEWER_PASSWORD).body());
        assertThat(first.path("source").asText()).isEqualTo("file");
        assertThat(client().call("GET", "/api/mappings", null, null).statusCode()).isEqualTo(401);
        assertThat(client().call("GET", "/api/mappings/no-such-file.jslt", VIEWER_USER, VIEWER_PASSWORD).statusCode()).isEqualTo(404);
        assertThat(client().call("PUT", "/api/mappings/" + TEMPLATE, VIEWER_USER, VIEWER_PASSWORD,
                json.writeValueAsString(Map.of("content", "{}"))).statusCode()).isEqualTo(403);
        assertThat(client().call("POST", "/api/mappings/" + TEMPLATE + "/versions/1/restore", VIEWER_USER, VIEWER_PASSWORD)
                .statusCode()).isEqualTo(403);
        // The viewer may check a draft (read only), and nothing changes for it.
        HttpResponse<String> viewerCheck = client().call("POST", "/api/mappings/validate", VIEWER_USER, VIEWER_PASSWORD,
                json.writeValueAsString(Map.of("drafts", Map.of(TEMPLATE, "{\"short_description\": .name +,}"))));
        assertThat(viewerCheck.statusCode()).isEqualTo(400);
        assertThat(viewerCheck.body()).contains("\"line\"");
        assertThat(client().call("POST", "/api/mappings/reload", VIEWER_USER, VIEWER_PASSWORD).statusCode()).isEqualTo(403);
        assertThat(client().call("GET", "/mappings", null, null).statusCode()).isIn(302, 401);
        HttpResponse<String> page = client().call("GET", "/mappings", VIEWER_USER, VIEWER_PASSWORD);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Mapping workbench").contains("/mappings/workbench.js");
        assertThat(json.readTree(client().call("GET", "/mappings/session", VIEWER_USER, VIEWER_PASSWORD).body()).path("can_edit")
                .asBoolean()).isFalse();
        assertThat(json.readTree(client().call("GET", "/mappings/session", ADMIN_USER, ADMIN_PASSWORD).body()).path("can_edit")
                .asBoolean()).isTrue();
        assertThat(client().call("GET", "/api/openapi.json", VIEWER_USER, VIEWER_PASSWORD).body())
                .contains("/mappings/{name}/versions/{version}/restore").contains("/mappings/{name}/versions");
    }

    @Test
    void aTemplateThatDoesNotCompileIsRefusedAtItsLineAndNothingChanges() throws Exception {
        JsonNode before = get("/api/mappings/" + TEMPLATE);
        String broken = before.path("content").asText().replace(NAME_LINE, "\"short_description\": truncate(.name, 160) +,");
        int line = lineOf(before.path("content").asText(), NAME_LINE);

        HttpResponse<String> refused = put(TEMPLATE, Map.of("content", broken, "comment", "broken"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode error = json.readTree(refused.body()).path("errors").get(0);
        assertThat(error.path("line").asInt()).isEqualTo(line);
        assertThat(error.path("column").asInt()).isPositive();
        assertThat(error.path("message").asText()).contains(TEMPLATE);
        assertThat(refused.body()).doesNotContain("Exception");

        JsonNode after = get("/api/mappings/" + TEMPLATE);
        assertThat(after.path("version").asInt()).isEqualTo(before.path("version").asInt());
        assertThat(after.path("content").asText()).isEqualTo(before.path("content").asText());

        HttpResponse<String> checked = client().call("POST", "/api/mappings/validate", ADMIN_USER, ADMIN_PASSWORD,
                json.writeValueAsString(Map.of("drafts", Map.of(TEMPLATE, broken))));
        assertThat(checked.statusCode()).isEqualTo(400);
        assertThat(json.readTree(checked.body()).path("errors").get(0).path("line").asInt()).isEqualTo(line);
        HttpResponse<String> badYaml = client().call("POST", "/api/mappings/validate", ADMIN_USER, ADMIN_PASSWORD,
                json.writeValueAsString(Map.of("drafts", Map.of("values.yaml", "state:\n  triage: \"1\"\n bad: [\n"))));
        assertThat(badYaml.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badYaml.body()).path("errors").get(0).path("line").asInt()).isPositive();
        HttpResponse<String> noCorrelation = put(TEMPLATE, Map.of("content", "{\"short_description\": .name}"));
        assertThat(noCorrelation.statusCode()).isEqualTo(400);
        assertThat(noCorrelation.body()).contains("correlation_id");
        assertThat(client().call("POST", "/api/mappings/validate", ADMIN_USER, ADMIN_PASSWORD,
                json.writeValueAsString(Map.of("drafts", Map.of(TEMPLATE, before.path("content").asText())))).statusCode()).isEqualTo(200);
        assertThat(get("/api/mappings/" + TEMPLATE).path("version").asInt()).isEqualTo(before.path("version").asInt());
    }

    @Test
    void aSaveIsInForceForTheNextSyncAStaleSaveIsRefusedAndARestoreBringsTheOldVersionBack() throws Exception {
        JsonNode before = get("/api/mappings/" + TEMPLATE);
        int base = before.path("version").asInt();
        String original = before.path("content").asText();
        String id = newIncident("Versioned mapping").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        awaitServiceNowIncident(id, Map.of("short_description", "Versioned mapping"));

        HttpResponse<String> saved = put(TEMPLATE, Map.of("content", original.replace(NAME_LINE, PREFIXED_LINE),
                "base_version", base, "comment", "Prefix the short description"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(json.readTree(saved.body()).path("version").asInt()).isEqualTo(base + 1);
        assertThat(json.readTree(saved.body()).path("updated_by").asText()).isEqualTo(ADMIN_USER);
        webhooks().send(event("public_incident.incident_updated_v2", id));
        awaitServiceNowIncident(id, Map.of("short_description", "Workbench: Versioned mapping"));

        HttpResponse<String> stale = put(TEMPLATE, Map.of("content", original, "base_version", base, "comment", "late"));
        assertThat(stale.statusCode()).isEqualTo(409);
        JsonNode conflict = json.readTree(stale.body());
        assertThat(conflict.path("current").path("version").asInt()).isEqualTo(base + 1);
        assertThat(conflict.path("current").path("content").asText()).contains(PREFIXED_LINE);
        assertThat(get("/api/mappings/" + TEMPLATE).path("version").asInt()).isEqualTo(base + 1);

        JsonNode history = get("/api/mappings/" + TEMPLATE + "/versions");
        assertThat(history.get(0).path("version").asInt()).isEqualTo(base + 1);
        assertThat(history.get(0).path("comment").asText()).isEqualTo("Prefix the short description");
        assertThat(history.get(0).path("source").asText()).isEqualTo("api");
        assertThat(history.get(1).path("version").asInt()).isEqualTo(base);
        assertThat(get("/api/mappings/" + TEMPLATE + "/versions/" + base).path("content").asText()).isEqualTo(original);

        HttpResponse<String> restored = client().call("POST", "/api/mappings/" + TEMPLATE + "/versions/" + base + "/restore",
                ADMIN_USER, ADMIN_PASSWORD);
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        assertThat(json.readTree(restored.body()).path("version").asInt()).isEqualTo(base + 2);
        assertThat(get("/api/mappings/" + TEMPLATE).path("content").asText()).isEqualTo(original);
        webhooks().send(event("public_incident.incident_updated_v2", id));
        awaitServiceNowIncident(id, Map.of("short_description", "Versioned mapping"));
        assertThat(client().call("POST", "/api/mappings/" + TEMPLATE + "/versions/999/restore", ADMIN_USER, ADMIN_PASSWORD)
                .statusCode()).isEqualTo(404);
        assertThat(client().call("GET", "/actuator/prometheus", VIEWER_USER, VIEWER_PASSWORD).body())
                .contains("bridge_mapping_saves_total{name=\"incident-to-servicenow.jslt\",source=\"api\"}");
    }

    @Test
    void aDraftIsPreviewedAgainstALiveIncidentWithoutBeingInForce() throws Exception {
        ObjectNode incident = newIncident("Previewed draft");
        String id = incident.path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        Map<String, String> record = awaitServiceNowIncident(id, Map.of("short_description", "Previewed draft"));
        String draft = get("/api/mappings/" + TEMPLATE).path("content").asText().replace(NAME_LINE, PREFIXED_LINE);

        HttpResponse<String> preview = client().call("POST", "/api/mappings/preview", ADMIN_USER, ADMIN_PASSWORD,
                json.writeValueAsString(Map.of("incident_id", incident.path("reference").asText(), "drafts", Map.of(TEMPLATE, draft))));
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode answer = json.readTree(preview.body());
        assertThat(answer.path("fields").path("short_description").asText()).isEqualTo("Workbench: Previewed draft");
        assertThat(answer.path("in_force").path("short_description").asText()).isEqualTo("Previewed draft");
        assertThat(answer.path("diff_in_force").path("short_description").path("new").asText()).isEqualTo("Workbench: Previewed draft");
        assertThat(answer.path("diff").path("short_description").path("current").asText()).isEqualTo("Previewed draft");
        assertThat(answer.path("summary").asText()).isEqualTo("this draft would change 1 field on " + record.get("number") + ": short_description");
        assertThat(answer.path("incident").path("id").asText()).isEqualTo(id);
        assertThat(answer.path("servicenow_record").path("number").asText()).isEqualTo(record.get("number"));

        HttpResponse<String> back = client().call("POST", "/api/mappings/preview", ADMIN_USER, ADMIN_PASSWORD,
                json.writeValueAsString(Map.of("direction", "servicenow-to-incident", "number", record.get("number"), "drafts",
                        Map.of("servicenow-to-incident.jslt", get("/api/mappings/servicenow-to-incident.jslt").path("content").asText()))));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(json.readTree(back.body()).path("incident_io").path("name").asText()).isEqualTo("Previewed draft");
        assertThat(json.readTree(back.body()).path("differs_from_in_force").size()).isZero();

        HttpResponse<String> broken = client().call("POST", "/api/mappings/preview", ADMIN_USER, ADMIN_PASSWORD,
                json.writeValueAsString(Map.of("incident_id", id, "drafts", Map.of(TEMPLATE, "{ \"a\": ,}"))));
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(json.readTree(broken.body()).path("errors").get(0).path("line").asInt()).isEqualTo(1);
        assertThat(serviceNowIncident(id).orElseThrow()).containsEntry("short_description", "Previewed draft");
        webhooks().send(event("public_incident.incident_updated_v2", id));
        settle(id);
        assertThat(serviceNowIncident(id).orElseThrow()).containsEntry("short_description", "Previewed draft");
    }

    @Test
    void aFileChangedOnDiskBecomesANewVersionFromTheFile() throws Exception {
        Path file = MAPPINGS.resolve("incident-update-to-note.jslt");
        String content = Files.readString(file);
        int before = get("/api/mappings/incident-update-to-note.jslt").path("version").asInt();
        try {
            Files.writeString(file, "// changed on disk\n" + content);
            await().atMost(PATIENCE).until(() -> get("/api/mappings/incident-update-to-note.jslt").path("version").asInt() == before + 1);
            JsonNode taken = get("/api/mappings/incident-update-to-note.jslt");
            assertThat(taken.path("source").asText()).isEqualTo("file");
            assertThat(taken.path("content").asText()).startsWith("// changed on disk");
        } finally {
            Files.writeString(file, content);
        }
        await().atMost(PATIENCE).until(() -> get("/api/mappings/incident-update-to-note.jslt").path("content").asText().equals(content));
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = TestDatabase.SELECTOR, matches = "postgres")
    void aSecondBridgeOnTheSameDatabasePutsASaveInForceWithinSeconds() throws Exception {
        Map<String, String> env = BridgeProcess.environment(SERVICENOW, INCIDENTIO, WEBHOOK_SECRET,
                new TestDatabase.Credentials(environment.getProperty("BRIDGE_DB_URL"),
                        environment.getProperty("BRIDGE_DB_USER"), environment.getProperty("BRIDGE_DB_PASSWORD")));
        env.put("SERVICENOW_CALLBACK_SECRET", CALLBACK_SECRET);
        env.put("BRIDGE_ADMIN_USER", ADMIN_USER);
        env.put("BRIDGE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("BRIDGE_MAPPING_DIRECTORY", MAPPINGS.toAbsolutePath().toString());
        env.put("BRIDGE_MAPPING_WATCHINTERVAL", "500");
        Path log = Files.createDirectories(Path.of("target", "mapping-replica-test")).resolve(UUID.randomUUID() + ".log");
        try (BridgeProcess second = new BridgeProcess(env, log).start()) {
            AdminClient other = new AdminClient(second.port());
            ObjectNode incident = newIncident("Seen by the second bridge");
            String body = json.writeValueAsString(Map.of("incident", incident));
            assertThat(json.readTree(other.call("POST", "/api/mappings/preview", ADMIN_USER, ADMIN_PASSWORD, body).body())
                    .path("fields").path("short_description").asText()).isEqualTo("Seen by the second bridge");
            String content = get("/api/mappings/" + TEMPLATE).path("content").asText();
            assertThat(put(TEMPLATE, Map.of("content", content.replace(NAME_LINE, PREFIXED_LINE))).statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> json.readTree(other.call("POST", "/api/mappings/preview",
                    ADMIN_USER, ADMIN_PASSWORD, body).body()).path("fields").path("short_description").asText()
                    .equals("Workbench: Seen by the second bridge"));
        }
    }

    private static int lineOf(String text, String line) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(line)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line " + line);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = client().call("GET", path, VIEWER_USER, VIEWER_PASSWORD);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> put(String name, Map<String, Object> body) throws Exception {
        return client().call("PUT", "/api/mappings/" + name, ADMIN_USER, ADMIN_PASSWORD, json.writeValueAsString(body));
    }

    private AdminClient client() {
        return new AdminClient(port);
    }
}
