package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin API: who may do what, dead letters fixed by a hot-reloaded mapping and replayed, sync now, links. */
class AdminApiApplicationTest extends BridgeApplicationTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void strangersAreRefusedEverywhereButTheWebhooksAndProbes() throws Exception {
        for (String path : new String[] {"/api/dead-letters", "/actuator/hawtio", "/actuator/jolokia", "/actuator/prometheus",
                "/api/openapi.json", "/actuator/metrics"}) {
            assertThat(call("GET", path, null, null).statusCode()).as(path).isIn(401, 302);
        }
        assertThat(call("POST", "/api/mappings/reload", null, null).statusCode()).isIn(401, 403);
        assertThat(call("GET", "/actuator/health/liveness", null, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/actuator/health/readiness", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void theViewerReadsButCannotReplayOrDiscardAndTheAdminCan() throws Exception {
        warmUp();
        String id = newIncident("Forbidden once").path("id").asText();
        SERVICENOW.faults().failNext(1, 403);
        webhooks().send(event("public_incident.incident_created_v2", id));
        await().atMost(PATIENCE).until(() -> deadLettersFor(id) == 1);
        long letter = jdbc.queryForObject("SELECT id FROM dead_letter WHERE incident_key = ?", Long.class, id);

        HttpResponse<String> listed = call("GET", "/api/dead-letters?incident=" + id, VIEWER_USER, VIEWER_PASSWORD);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(listed.body()).get(0).path("errorKind").asText()).isEqualTo("http-403");
        assertThat(call("GET", "/api/dead-letters/" + letter, VIEWER_USER, VIEWER_PASSWORD).body()).contains("originalEvents");
        assertThat(call("POST", "/api/dead-letters/" + letter + "/replay", VIEWER_USER, VIEWER_PASSWORD).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/dead-letters/" + letter + "/discard", VIEWER_USER, VIEWER_PASSWORD, "{\"reason\":\"x\"}")
                .statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/dead-letters/999999", ADMIN_USER, ADMIN_PASSWORD).statusCode()).isEqualTo(404);

        HttpResponse<String> replayed = call("POST", "/api/dead-letters/" + letter + "/replay", ADMIN_USER, ADMIN_PASSWORD);
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(replayed.body()).contains("\"replayed\":true");
        awaitServiceNowIncident(id, Map.of("short_description", "Forbidden once"));
        assertThat(call("POST", "/api/dead-letters/" + letter + "/replay", ADMIN_USER, ADMIN_PASSWORD).body())
                .contains("\"replayed\":false");
    }

    @Test
    void aDeadLetterFromABadMappingIsReplayedAfterTheTemplateIsFixedAndHotReloaded() throws Exception {
        Path values = MAPPINGS.resolve("values.yaml");
        String good = Files.readString(values);
        Files.writeString(values, good.replace("  paused: \"3\"      # On Hold", "  paused: { oops: \"3\" }"));
        await().atMost(PATIENCE).until(() -> previewOfAPausedIncident() == 400);
        assertThat(call("POST", "/api/mappings/validate", ADMIN_USER, ADMIN_PASSWORD, "{}").statusCode()).isEqualTo(200);
        String id = newIncident("Paused by a bad mapping").path("id").asText();
        INCIDENTIO.setStatus(id, "Paused");
        webhooks().send(event("public_incident.incident_created_v2", id));
        await().atMost(PATIENCE).until(() -> deadLettersFor(id) == 1);
        assertThat(jdbc.queryForObject("SELECT error_kind FROM dead_letter WHERE incident_key = ?", String.class, id)).isEqualTo("mapping");

        Files.writeString(values, good);
        await().atMost(PATIENCE).until(() -> previewOfAPausedIncident() == 200);
        HttpResponse<String> replay = call("POST", "/api/dead-letters/replay?kind=mapping&incident=" + id, ADMIN_USER, ADMIN_PASSWORD);
        assertThat(replay.body()).contains("\"replayed\":1");
        awaitServiceNowIncident(id, Map.of("state", "3", "hold_reason", "4"));
    }

    @Test
    void syncNowRepairsAnEditMadeBehindTheBridgesBackAndLinksCanBeLookedUp() throws Exception {
        String id = newIncident("Drifting record").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        Map<String, String> record = awaitServiceNowIncident(id, Map.of("short_description", "Drifting record"));
        SERVICENOW.update("incident", record.get("sys_id"), Map.of("short_description", "Edited in ServiceNow"), "admin");

        HttpResponse<String> synced = call("POST", "/api/incidents/" + id + "/sync", ADMIN_USER, ADMIN_PASSWORD);
        assertThat(synced.statusCode()).isEqualTo(200);
        JsonNode answer = json.readTree(synced.body());
        assertThat(answer.path("action").asText()).isEqualTo("updated");
        assertThat(answer.path("changed_fields").path("short_description").asText()).isEqualTo("Drifting record");
        assertThat(serviceNowIncident(id).orElseThrow()).containsEntry("short_description", "Drifting record");

        HttpResponse<String> link = call("GET", "/api/links/" + record.get("number"), VIEWER_USER, VIEWER_PASSWORD);
        assertThat(link.statusCode()).isEqualTo(200);
        assertThat(link.body()).contains(id).contains(record.get("sys_id"));
        assertThat(call("GET", "/api/links/INC9999999", VIEWER_USER, VIEWER_PASSWORD).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/incidents/01NOSUCHINCIDENT/sync", ADMIN_USER, ADMIN_PASSWORD).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/openapi.json", VIEWER_USER, VIEWER_PASSWORD).body()).contains("/dead-letters");
    }

    @Test
    void theOtherDirectionPreviewsWhatAServiceNowChangeWouldChangeInIncidentIo() throws Exception {
        String id = newIncident("Previewed back").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        Map<String, String> record = awaitServiceNowIncident(id, Map.of("short_description", "Previewed back"));
        SERVICENOW.update("incident", record.get("sys_id"), Map.of("state", "3", "hold_reason", "4"), "beth.anglin");

        HttpResponse<String> preview = call("POST", "/api/mappings/preview", ADMIN_USER, ADMIN_PASSWORD,
                "{\"direction\": \"servicenow-to-incident\", \"sys_id\": \"" + record.get("sys_id") + "\"}");
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode answer = json.readTree(preview.body());
        assertThat(answer.path("incident_io").path("status_category").asText()).isEqualTo("paused");
        assertThat(answer.path("incident_io").path("name").asText()).isEqualTo("Previewed back");
        assertThat(answer.path("incident_id").asText()).isEqualTo(id);
        assertThat(answer.path("differs_from_last_synced").toString()).isEqualTo("[\"status_category\"]");

        String change = "{\"table\": \"incident\", \"sys_id\": \"" + record.get("sys_id") + "\", \"values\": {\"state\": \"6\"},"
                + " \"journal\": [{\"element\": \"comments\", \"value\": \"Fixed\", \"sys_created_on\": \"2026-01-01 00:00:00\","
                + " \"sys_created_by\": \"beth.anglin\"}]}";
        JsonNode given = json.readTree(call("POST", "/api/mappings/preview", ADMIN_USER, ADMIN_PASSWORD,
                "{\"direction\": \"servicenow-to-incident\", \"change\": " + change + "}").body());
        assertThat(given.path("incident_io").path("status_category").asText()).isEqualTo("learning");
        assertThat(given.path("incident_io").path("notes").get(0).asText()).isEqualTo("2026-01-01 00:00:00 UTC, beth.anglin (comment): Fixed");
        assertThat(call("POST", "/api/mappings/preview", ADMIN_USER, ADMIN_PASSWORD, "{\"direction\": \"sideways\"}").statusCode())
                .isEqualTo(400);
        assertThat(INCIDENTIO.count("POST", "/v2/incidents/" + id + "/actions/edit")).isZero();
    }

    /** 400 while the broken value table is in force (hot reload happened), 200 once the good one is back. */
    private int previewOfAPausedIncident() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode incident = newIncident("probe");
        incident.set("incident_status", INCIDENTIO.status("Paused"));
        return call("POST", "/api/mappings/preview", ADMIN_USER, ADMIN_PASSWORD, "{\"incident\":" + incident + "}").statusCode();
    }

    private HttpResponse<String> call(String method, String path, String user, String password) throws Exception {
        return new AdminClient(port).call(method, path, user, password);
    }

    private HttpResponse<String> call(String method, String path, String user, String password, String body) throws Exception {
        return new AdminClient(port).call(method, path, user, password, body);
    }
}
