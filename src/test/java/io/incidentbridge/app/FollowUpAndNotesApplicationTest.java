package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.incidentio.WebhookSender;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Follow-ups become tasks under the incident's record; status updates become work notes, each once and in order. */
class FollowUpAndNotesApplicationTest extends BridgeApplicationTest {

    @Test
    void aFollowUpBecomesOneTaskWithTheRightParentAndStateAndIsConnectedOnce() {
        String id = newIncident("Broken deploy").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        Map<String, String> incident = awaitServiceNowIncident(id, Map.of("state", "2"));

        ObjectNode followUp = INCIDENTIO.createFollowUp(id, "Add a canary stage", "Deploys go to 5% first", "beth.anglin@example.com");
        String followUpId = followUp.path("id").asText();
        webhooks().send(event("public_incident.follow_up_created_v2", followUpId));
        Map<String, String> task = awaitTask(followUpId, Map.of("state", "1"));
        assertThat(task).containsEntry("parent", incident.get("sys_id"))
                .containsEntry("short_description", "Add a canary stage")
                .containsEntry("description", "Deploys go to 5% first")
                .containsEntry("assigned_to", SERVICENOW.userSysId("beth.anglin"));
        await().atMost(PATIENCE).until(() -> !INCIDENTIO.followUp(followUpId).path("external_issue_reference").isNull());

        INCIDENTIO.updateFollowUp(followUpId, f -> f.put("status", "completed"));
        webhooks().send(event("public_incident.follow_up_updated_v2", followUpId));
        awaitTask(followUpId, Map.of("state", "3"));
        assertThat(SERVICENOW.find("task", "correlation_id=" + followUpId)).hasSize(1);
        assertThat(INCIDENTIO.count("POST", "/v2/follow_ups/" + followUpId + "/actions/connect_external_issue")).isEqualTo(1);
    }

    @Test
    void aFollowUpThatArrivesBeforeItsIncidentBringsTheIncidentOverFirst() {
        String id = newIncident("Follow-up first").path("id").asText();
        String followUpId = INCIDENTIO.createFollowUp(id, "Write the runbook", "", null).path("id").asText();

        webhooks().send(event("public_incident.follow_up_created_v2", followUpId));

        Map<String, String> task = awaitTask(followUpId, Map.of("state", "1"));
        Map<String, String> incident = awaitServiceNowIncident(id, Map.of("short_description", "Follow-up first"));
        assertThat(task).containsEntry("parent", incident.get("sys_id"));
        webhooks().send(event("public_incident.incident_created_v2", id));
        awaitInboxDrained(id);
        assertThat(serviceNowIncidents(id)).hasSize(1);
    }

    @Test
    void fiveStatusUpdatesDeliveredTwiceAndOutOfOrderMakeFiveWorkNotesInOrder() {
        String id = newIncident("Noisy neighbour").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        Map<String, String> incident = awaitServiceNowIncident(id, Map.of("state", "2"));

        List<String> bodies = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            INCIDENTIO.addIncidentUpdate(id, "Update number " + i, i == 5 ? "Monitoring" : null);
            bodies.add(event("public_incident.incident_updated_v2", id));
        }
        bodies.add(event("public_incident.incident_status_updated_v2", id));
        List<String> twice = new ArrayList<>(bodies);
        twice.addAll(bodies);
        Collections.shuffle(twice);
        WebhookSender sender = webhooks();
        twice.forEach(sender::send);
        awaitInboxDrained(id);

        await().atMost(PATIENCE).until(() -> workNotes(incident.get("sys_id")).size() >= 5);
        List<String> notes = workNotes(incident.get("sys_id"));
        assertThat(notes).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(notes.get(i)).contains("Update number " + (i + 1));
        }
    }

    private List<String> workNotes(String sysId) {
        return SERVICENOW.journal(sysId).stream().filter(e -> "work_notes".equals(e.get("element"))).map(e -> e.get("value")).toList();
    }

    private Map<String, String> awaitTask(String followUpId, Map<String, String> expected) {
        await().atMost(PATIENCE).until(() -> SERVICENOW.find("task", "correlation_id=" + followUpId).stream()
                .anyMatch(t -> t.entrySet().containsAll(expected.entrySet())));
        return SERVICENOW.find("task", "correlation_id=" + followUpId).get(0);
    }
}
