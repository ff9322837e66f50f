package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.RecordedRequest;
import io.incidentbridge.emulator.incidentio.IncidentSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Created, updated, resolved: what ServiceNow holds after each, and what the bridge sent to get it there. */
class IncidentSyncApplicationTest extends BridgeApplicationTest {

    @Test
    void aNewIncidentBecomesAServiceNowIncidentWithTheMappedFieldsAndIsPinnedOnce() {
        ObjectNode incident = INCIDENTIO.createIncident(IncidentSpec.of("Checkout payments failing")
                .withSummary("Card payments time out").withSeverity("Critical"));
        String id = incident.path("id").asText();

        assertThat(webhooks().send(event("public_incident.incident_created_v2", id)).finalStatus()).isEqualTo(202);

        Map<String, String> record = awaitServiceNowIncident(id, Map.of("short_description", "Checkout payments failing"));
        assertThat(record)
                .containsEntry("impact", "1").containsEntry("urgency", "1").containsEntry("priority", "1")
                .containsEntry("state", "2").containsEntry("correlation_display", "incident.io")
                .containsEntry("sys_updated_by", "bridge.integration");
        assertThat(record.get("description")).startsWith("Card payments time out").contains(incident.path("permalink").asText());
        await().atMost(PATIENCE).until(() -> INCIDENTIO.attachments(id).size() == 1);
        assertThat(INCIDENTIO.attachments(id).get(0).toString()).contains(record.get("number")).contains(record.get("sys_id"));

        webhooks().send(event("public_incident.incident_updated_v2", id));
        awaitInboxDrained(id);
        assertThat(INCIDENTIO.attachments(id)).hasSize(1);
        assertThat(serviceNowIncidents(id)).hasSize(1);
    }

    @Test
    void severalUpdatesLeaveOneRecordInTheFinalStateAndSendOnlyChangedFields() {
        String id = newIncident("Search is slow").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        awaitServiceNowIncident(id, Map.of("short_description", "Search is slow"));

        INCIDENTIO.updateIncident(id, i -> i.put("name", "Search is slow in EU"));
        webhooks().send(event("public_incident.incident_updated_v2", id));
        awaitServiceNowIncident(id, Map.of("short_description", "Search is slow in EU"));

        INCIDENTIO.setStatus(id, "Paused");
        webhooks().send(event("public_incident.incident_updated_v2", id));
        Map<String, String> record = awaitServiceNowIncident(id, Map.of("state", "3"));

        assertThat(serviceNowIncidents(id)).hasSize(1);
        assertThat(record).containsEntry("hold_reason", "4").containsEntry("short_description", "Search is slow in EU");
        List<RecordedRequest> patches = writesFor(id).stream().filter(r -> r.method().equals("PATCH")).toList();
        assertThat(patches).hasSize(2);
        assertThat(patches.get(0).body()).contains("short_description").doesNotContain("\"impact\"").doesNotContain("\"state\"");
        assertThat(patches.get(1).body()).contains("\"state\":\"3\"").contains("hold_reason").doesNotContain("short_description");
    }

    @Test
    void resolvingInIncidentIoResolvesInServiceNowWithCloseCodeAndNotes() {
        String id = INCIDENTIO.createIncident(IncidentSpec.of("Queue backlog").withSummary("Consumers restarted"))
                .path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        awaitServiceNowIncident(id, Map.of("state", "2"));

        INCIDENTIO.setStatus(id, "Documenting");
        webhooks().send(event("public_incident.incident_status_updated_v2", id));

        Map<String, String> record = awaitServiceNowIncident(id, Map.of("state", "6"));
        assertThat(record).containsEntry("close_code", "Solution provided");
        assertThat(record.get("close_notes")).contains("Resolved in incident.io").contains("Consumers restarted");
        assertThat(record.get("resolved_at")).isNotEmpty();
    }

    @Test
    void testAndPrivateIncidentsAreNotSyncedByDefault() {
        String test = INCIDENTIO.createIncident(IncidentSpec.of("Drill").withMode("test")).path("id").asText();
        String secret = INCIDENTIO.createIncident(IncidentSpec.of("Payroll leak").withVisibility("private")).path("id").asText();

        webhooks().send(event("public_incident.incident_created_v2", test));
        webhooks().send(event("private_incident.incident_created_v2", secret));

        awaitInboxDrained(test);
        awaitInboxDrained(secret);
        assertThat(serviceNowIncidents(test)).isEmpty();
        assertThat(serviceNowIncidents(secret)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE incident_key IN (?, ?) AND status = 'SKIPPED'",
                Long.class, test, secret)).isEqualTo(2);
    }
}
