package io.incidentbridge.emulator.incidentio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Follow-ups v2: listing, the PUT rules and the connect-once rule for external issues (reference b.4). */
class IncidentIoFollowUpTest extends EmulatorTestBase {
    private static final String TASK_URL = "https://example.service-now.com/task.do?sys_id=9d385017";
    private final String incidentId = emulator.createIncident(IncidentSpec.of("Disk full")).path("id").asText();
    private final String id = emulator.createFollowUp(incidentId, "Add disk alerting", "Alert at 80%",
            "beth.anglin@example.com").path("id").asText();

    @Test
    void followUpsAreListedByIncidentWithoutPaginationAsFollowUpV2() {
        emulator.createFollowUp(incidentId, "Write runbook", null, null);
        String elsewhere = emulator.createIncident(IncidentSpec.of("Other")).path("id").asText();
        emulator.createFollowUp(elsewhere, "Unrelated", null, null);

        JsonNode body = api.get("/v2/follow_ups?incident_id=" + incidentId).json();

        assertThat(body.has("pagination_meta")).isFalse();
        assertThat(body.path("follow_ups")).extracting(f -> f.path("title").asText())
                .containsExactly("Add disk alerting", "Write runbook");
        JsonNode followUp = body.path("follow_ups").get(0);
        assertThat(followUp.path("incident_id").asText()).isEqualTo(incidentId);
        assertThat(followUp.path("status").asText()).isEqualTo("outstanding");
        assertThat(followUp.path("assignee").path("email").asText()).isEqualTo("beth.anglin@example.com");
        assertThat(followUp.path("creator").path("user").isObject()).isTrue();
        assertThat(followUp.path("labels").isArray()).isTrue();
        assertThat(followUp.path("external_issue_reference").isNull()).isTrue();
        assertThat(api.get("/v2/follow_ups/" + id).json().path("follow_up")).isEqualTo(emulator.followUp(id));
        assertThat(api.get("/v2/follow_ups/01HZZZZZZZZZZZZZZZZZZZZZZZ").status()).isEqualTo(404);
    }

    @Test
    void anUpdateNeedsTitleAndStatus() {
        ApiClient.Answer noStatus = api.put("/v2/follow_ups/" + id, "{\"title\":\"Add disk alerting\"}");
        ApiClient.Answer noTitle = api.put("/v2/follow_ups/" + id, "{\"status\":\"completed\"}");

        assertThat(noStatus.status()).isEqualTo(422);
        assertThat(noStatus.firstError().path("source").path("field").asText()).isEqualTo("status");
        assertThat(noTitle.status()).isEqualTo(422);
        assertThat(noTitle.firstError().path("source").path("field").asText()).isEqualTo("title");
        assertThat(emulator.followUp(id).path("status").asText()).isEqualTo("outstanding");
    }

    @Test
    void anUpdateCannotDeleteButCanCompleteAndReopen() {
        ApiClient.Answer deleted = api.put("/v2/follow_ups/" + id, "{\"title\":\"Add disk alerting\",\"status\":\"deleted\"}");
        JsonNode completed = api.put("/v2/follow_ups/" + id, "{\"title\":\"Add disk alerts\",\"status\":\"completed\"}")
                .json().path("follow_up");
        JsonNode reopened = api.put("/v2/follow_ups/" + id, "{\"title\":\"Add disk alerts\",\"status\":\"outstanding\"}")
                .json().path("follow_up");

        assertThat(deleted.status()).isEqualTo(422);
        assertThat(deleted.firstError().path("message").asText()).contains("delete endpoint");
        assertThat(completed.path("title").asText()).isEqualTo("Add disk alerts");
        assertThat(completed.path("status").asText()).isEqualTo("completed");
        assertThat(completed.path("completed_at").asText()).isEqualTo(completed.path("updated_at").asText());
        assertThat(completed.path("description").asText()).as("not in the PUT, so unchanged").isEqualTo("Alert at 80%");
        assertThat(reopened.path("completed_at").isNull()).isTrue();
    }

    @Test
    void anExternalIssueConnectsOnceAndOnlyOnce() {
        JsonNode connected = api.post("/v2/follow_ups/" + id + "/actions/connect_external_issue",
                "{\"provider\":\"service_now\",\"url\":\"" + TASK_URL + "\"}").json().path("follow_up");
        ApiClient.Answer again = api.post("/v2/follow_ups/" + id + "/actions/connect_external_issue",
                "{\"provider\":\"jira\",\"url\":\"https://example.atlassian.net/browse/OPS-7\"}");

        JsonNode reference = connected.path("external_issue_reference");
        assertThat(reference.path("provider").asText()).isEqualTo("service_now");
        assertThat(reference.path("issue_permalink").asText()).isEqualTo(TASK_URL);
        assertThat(reference.path("issue_name").asText()).isEqualTo("9d385017");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.firstError().path("message").asText()).contains("already connected");
        assertThat(emulator.followUp(id).path("external_issue_reference")).isEqualTo(reference);
    }

    @Test
    void connectingNeedsAKnownProviderAndAUrl() {
        assertThat(api.post("/v2/follow_ups/" + id + "/actions/connect_external_issue", "{\"url\":\"" + TASK_URL + "\"}")
                .status()).isEqualTo(422);
        assertThat(api.post("/v2/follow_ups/" + id + "/actions/connect_external_issue",
                "{\"provider\":\"bugzilla\",\"url\":\"" + TASK_URL + "\"}").status()).isEqualTo(422);
        assertThat(emulator.followUp(id).path("external_issue_reference").isNull()).isTrue();
    }

    @Test
    void theJavaApiChangesAFollowUpAsAPersonWouldAndCompletedAtFollowsTheStatus() {
        String before = emulator.followUp(id).path("updated_at").asText();

        ObjectNode completed = emulator.updateFollowUp(id, f -> f.put("status", "completed"));

        assertThat(completed.path("status").asText()).isEqualTo("completed");
        assertThat(Instant.parse(completed.path("updated_at").asText())).isAfter(Instant.parse(before));
        assertThat(completed.path("completed_at").asText()).isEqualTo(completed.path("updated_at").asText());
        assertThat(api.get("/v2/follow_ups/" + id).json().path("follow_up")).isEqualTo(completed);
    }

    @Test
    void deletingMarksTheFollowUpDeleted() {
        assertThat(api.delete("/v2/follow_ups/" + id).status()).isEqualTo(204);

        assertThat(emulator.followUp(id).path("status").asText()).isEqualTo("deleted");
    }
}
