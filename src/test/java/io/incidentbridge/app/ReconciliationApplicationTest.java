package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import io.incidentbridge.backsync.IncidentAssignment;
import io.incidentbridge.emulator.servicenow.SeedData;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Delete a ServiceNow record, edit fields behind the bridge's back, drop a webhook: one reconciliation run restores
 * agreement (each field to its owner's value), a second changes nothing, and a dry run reports the same changes
 * without making them.
 */
class ReconciliationApplicationTest extends BridgeApplicationTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void oneRunRestoresAgreementASecondChangesNothingAndADryRunOnlyReports() throws Exception {
        String deleted = synced("Record deleted in ServiceNow");
        String edited = synced("Record edited in ServiceNow");
        String dropped = newIncident("Webhook never arrived").path("id").asText();
        Map<String, String> deletedRecord = serviceNowIncident(deleted).orElseThrow();
        SERVICENOW.delete("incident", deletedRecord.get("sys_id"));
        SERVICENOW.update("incident", serviceNowIncident(edited).orElseThrow().get("sys_id"),
                Map.of("short_description", "Changed behind the bridge's back", "impact", "1"), "admin");
        awaitWholeInboxDrained();

        JsonNode dry = run(true);
        assertThat(dry.path("dryRun").asBoolean()).isTrue();
        assertThat(dry.path("created").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(dry.path("repaired").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(dry.path("deletedLinks").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(dry.path("details").asText()).contains("would be created").contains("would be repaired")
                .contains(deletedRecord.get("number") + " (sys_id " + deletedRecord.get("sys_id") + ") no longer exists");
        assertThat(serviceNowIncidents(dropped)).isEmpty();
        assertThat(serviceNowIncident(edited).orElseThrow()).containsEntry("short_description", "Changed behind the bridge's back");

        JsonNode real = run(false);
        assertThat(real.path("created").asInt()).isEqualTo(dry.path("created").asInt());
        assertThat(real.path("repaired").asInt()).isEqualTo(dry.path("repaired").asInt());
        awaitServiceNowIncident(dropped, Map.of("short_description", "Webhook never arrived"));
        awaitServiceNowIncident(edited, Map.of("short_description", "Record edited in ServiceNow", "impact", "2"));
        awaitWholeInboxDrained();

        JsonNode again = run(false);
        assertThat(again.path("created").asInt()).isZero();
        assertThat(again.path("repaired").asInt()).isZero();
        assertThat(serviceNowIncidents(dropped)).hasSize(1);
        assertThat(serviceNowIncidents(edited)).hasSize(1);

        HttpResponse<String> history = call("GET", "/api/reconciliation/runs", VIEWER_USER, VIEWER_PASSWORD);
        assertThat(json.readTree(history.body()).size()).isGreaterThanOrEqualTo(3);
        assertThat(call("POST", "/api/reconciliation/runs?dryRun=true&full=true", VIEWER_USER, VIEWER_PASSWORD).statusCode())
                .isEqualTo(403);
    }

    @Test
    void eachFieldEditedBehindTheBridgesBackGetsItsOwnersValue() throws Exception {
        String id = synced("Edited behind the bridge's back, no callback");
        String sysId = serviceNowIncident(id).orElseThrow().get("sys_id");
        // incident.io owns the severity (Major: impact 2, urgency 1); ServiceNow owns the assignment.
        SERVICENOW.update("incident", sysId, Map.of("urgency", "3", "assignment_group", SeedData.NETWORK_GROUP_SYS_ID), "beth.anglin");
        awaitWholeInboxDrained();

        JsonNode real = run(false);
        assertThat(real.path("details").asText()).contains("[urgency, assignment in incident.io] repaired");
        awaitServiceNowIncident(id, Map.of("urgency", "1", "assignment_group", SeedData.NETWORK_GROUP_SYS_ID));
        await().atMost(PATIENCE).until(() -> "Platform".equals(IncidentAssignment.shown(INCIDENTIO.incident(id), "Team")));
        assertThat(INCIDENTIO.incident(id).path("severity").path("name").asText()).isEqualTo("Major");
        awaitWholeInboxDrained();

        assertThat(run(false).path("repaired").asInt()).isZero();
    }

    @Test
    void aNameLongerThanShortDescriptionIsWrittenOnceCutAndNeverLooksLikeDrift() throws Exception {
        String name = ("Payments gateway times out for EU card authorisations after the 14:00 deploy; retries pile up "
                + "in the queue and support sees double charges. ").repeat(3).substring(0, 300);
        String id = newIncident(name).path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        Map<String, String> record = awaitServiceNowIncident(id, Map.of("short_description", name.substring(0, 160)));
        awaitWholeInboxDrained();
        webhooks().send(event("public_incident.incident_updated_v2", id));
        awaitWholeInboxDrained();

        JsonNode dry = run(true);

        assertThat(writesFor(id)).hasSize(1);
        assertThat(dry.path("details").asText()).doesNotContain(record.get("number"));
        JsonNode real = run(false);
        assertThat(real.path("details").asText()).doesNotContain(record.get("number"));
        awaitWholeInboxDrained();
        assertThat(writesFor(id)).hasSize(1);
    }

    private String synced(String name) {
        String id = newIncident(name).path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        awaitServiceNowIncident(id, Map.of("short_description", name));
        return id;
    }

    private void awaitWholeInboxDrained() {
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM inbox_event WHERE status = 'PENDING'", Long.class) == 0);
    }

    private JsonNode run(boolean dryRun) throws Exception {
        HttpResponse<String> response = call("POST", "/api/reconciliation/runs?full=true&dryRun=" + dryRun, ADMIN_USER, ADMIN_PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> call(String method, String path, String user, String password) throws Exception {
        return new AdminClient(port).call(method, path, user, password);
    }
}
