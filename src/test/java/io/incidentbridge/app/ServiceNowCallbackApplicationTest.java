package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.incidentbridge.backsync.IncidentAssignment;
import io.incidentbridge.emulator.servicenow.SeedData;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ServiceNow changes come back through POST /webhooks/servicenow, as the business rule in docs/ sends them:
 * one edit on the ServiceNow side makes exactly one change in incident.io, and nothing comes back to ServiceNow.
 */
class ServiceNowCallbackApplicationTest extends BridgeApplicationTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void resolvingInServiceNowMovesTheIncidentToPostIncidentOnceAndNothingComesBack() throws Exception {
        String id = newIncident("Resolved from ServiceNow").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        Map<String, String> record = awaitServiceNowIncident(id, Map.of("state", "2"));
        awaitInboxDrained(id);

        SERVICENOW.update("incident", record.get("sys_id"), Map.of("state", "6", "close_code", "Workaround provided",
                "close_notes", "Restarted the pods", "work_notes", "Root cause: a bad config push",
                "impact", "1", "urgency", "1"), "beth.anglin");
        Map<String, String> resolved = SERVICENOW.record("incident", record.get("sys_id")).orElseThrow();
        long writesBefore = writesFor(id).size();
        assertThat(callback(resolved, "beth.anglin", "Root cause: a bad config push").statusCode()).isEqualTo(202);

        await().atMost(PATIENCE).until(() -> "learning".equals(INCIDENTIO.incident(id).path("incident_status").path("category").asText()));
        await().atMost(PATIENCE).until(() -> notesField(id).contains("Root cause: a bad config push"));
        assertThat(notesField(id)).contains("beth.anglin (work note)");
        assertThat(INCIDENTIO.incident(id).path("severity").path("name").asText()).isEqualTo("Critical");
        // One edit in ServiceNow, one write in incident.io: status, severity and notes travel together.
        assertThat(INCIDENTIO.count("POST", "/v2/incidents/" + id + "/actions/edit")).isEqualTo(1);

        // incident.io tells the bridge about the change it just made: that must not write anything to ServiceNow.
        webhooks().send(event("public_incident.incident_status_updated_v2", id));
        webhooks().send(event("public_incident.incident_updated_v2", id));
        awaitInboxDrained(id);
        assertThat(writesFor(id)).hasSize((int) writesBefore);
        assertThat(SERVICENOW.record("incident", record.get("sys_id")).orElseThrow())
                .containsEntry("close_notes", "Restarted the pods").containsEntry("state", "6")
                .containsEntry("impact", "1").containsEntry("urgency", "1");

        // The same callback delivered again changes nothing.
        assertThat(callback(resolved, "beth.anglin", "Root cause: a bad config push").body()).contains("duplicate");
    }

    @Test
    void reassigningInServiceNowSetsTheTeamAndTheLeadInIncidentIoOnceAndNothingComesBack() throws Exception {
        String id = newIncident("Reassigned in ServiceNow").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        Map<String, String> record = awaitServiceNowIncident(id, Map.of("assigned_to", SeedData.ABEL_TUTER_SYS_ID));
        awaitInboxDrained(id);
        long writesBefore = writesFor(id).size();

        SERVICENOW.update("incident", record.get("sys_id"), Map.of("assignment_group", SeedData.DATABASE_GROUP_SYS_ID,
                "assigned_to", SeedData.BETH_ANGLIN_SYS_ID), "beth.anglin");
        assertThat(callback(SERVICENOW.record("incident", record.get("sys_id")).orElseThrow(), "beth.anglin", null).statusCode())
                .isEqualTo(202);

        await().atMost(PATIENCE).until(() -> "Data".equals(IncidentAssignment.shown(INCIDENTIO.incident(id), "Team")));
        assertThat(lead(id)).isEqualTo("beth.anglin@example.com");
        assertThat(INCIDENTIO.count("POST", "/v2/incidents/" + id + "/actions/edit")).isEqualTo(1);

        webhooks().send(event("public_incident.incident_updated_v2", id));
        awaitInboxDrained(id);
        assertThat(writesFor(id)).hasSize((int) writesBefore);
        assertThat(SERVICENOW.record("incident", record.get("sys_id")).orElseThrow())
                .containsEntry("assignment_group", SeedData.DATABASE_GROUP_SYS_ID).containsEntry("assigned_to", SeedData.BETH_ANGLIN_SYS_ID);
    }

    @Test
    void closingTheTaskCompletesTheFollowUpOnceAndNothingComesBack() throws Exception {
        String id = newIncident("Follow-up closed in ServiceNow").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        awaitServiceNowIncident(id, Map.of("state", "2"));
        String followUpId = INCIDENTIO.createFollowUp(id, "Rotate the keys", "", null).path("id").asText();
        webhooks().send(event("public_incident.follow_up_created_v2", followUpId));
        await().atMost(PATIENCE).until(() -> SERVICENOW.find("task", "correlation_id=" + followUpId).size() == 1);
        awaitInboxDrained(id);
        String taskSysId = SERVICENOW.find("task", "correlation_id=" + followUpId).get(0).get("sys_id");

        SERVICENOW.update("task", taskSysId, Map.of("state", "3"), "beth.anglin");
        assertThat(post(CallbackPoster.body("task", SERVICENOW.record("task", taskSysId).orElseThrow())).statusCode()).isEqualTo(202);

        await().atMost(PATIENCE).until(() -> "completed".equals(INCIDENTIO.followUp(followUpId).path("status").asText()));
        webhooks().send(event("public_incident.follow_up_updated_v2", followUpId));
        awaitInboxDrained(id);
        assertThat(INCIDENTIO.count("PUT", "/v2/follow_ups/" + followUpId)).isEqualTo(1);
        assertThat(SERVICENOW.count("PATCH", "/api/now/table/task/" + taskSysId)).isZero();
    }

    @Test
    void theBridgesOwnWritesAndBadCallbacksAreRefusedOrIgnored() throws Exception {
        String id = newIncident("Own write").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        Map<String, String> record = awaitServiceNowIncident(id, Map.of("state", "2"));
        assertThat(callback(record, "bridge.integration", null).statusCode()).isEqualTo(202);
        awaitInboxDrained(id);
        assertThat(INCIDENTIO.count("POST", "/v2/incidents/" + id + "/actions/edit")).isZero();

        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create(url()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(post("{\"table\":\"sys_user\"}").statusCode()).isEqualTo(400);
        assertThat(post("not json").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> callback(Map<String, String> record, String updatedBy, String workNote) throws Exception {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("table", "incident").put("sys_id", record.get("sys_id"))
                .put("number", record.get("number")).put("sys_updated_on", record.get("sys_updated_on"))
                .put("sys_updated_by", updatedBy).put("sys_mod_count", record.get("sys_mod_count"));
        ObjectNode values = body.putObject("values");
        record.forEach(values::put);
        ArrayNode journal = body.putArray("journal");
        if (workNote != null) {
            journal.addObject().put("element", "work_notes").put("value", workNote)
                    .put("sys_created_on", record.get("sys_updated_on")).put("sys_created_by", updatedBy);
        }
        return post(body.toString());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url())).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + CALLBACK_SECRET).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String url() {
        return "http://127.0.0.1:" + port + "/webhooks/servicenow";
    }

    private String lead(String id) {
        for (var assignment : INCIDENTIO.incident(id).path("incident_role_assignments")) {
            if ("lead".equals(assignment.path("role").path("role_type").asText())) {
                return assignment.path("assignee").path("email").asText(null);
            }
        }
        return null;
    }

    private String notesField(String id) {
        for (var entry : INCIDENTIO.incident(id).path("custom_field_entries")) {
            if ("ServiceNow notes".equals(entry.path("custom_field").path("name").asText())) {
                return entry.path("values").path(0).path("value_text").asText("");
            }
        }
        return "";
    }
}
