package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A ServiceNow state that maps to a status incident.io will not take from where the incident is: closing an active
 * incident skips the post-incident flow, which the API key may not do. incident.io refuses it once (422); the change
 * is a dead letter with incident.io's reason, tried once and never again, and nothing comes back to ServiceNow.
 */
class StatusTransitionApplicationTest extends BridgeApplicationTest {
    private ServiceNowUser beth;

    @BeforeEach
    void aServiceDeskAgentAndTheCallbackRule() {
        beth = ServiceNowUser.signedIn(SERVICENOW, "beth.anglin");
        installCallbackRule();
    }

    @AfterEach
    void theKeyAsItStarted() {
        INCIDENTIO.allowCloseWithoutPostIncident(false);
    }

    @Test
    void closingAnActiveIncidentWithoutTheKeysPermissionIsOneDeadLetterWithIncidentIosReason() {
        INCIDENTIO.allowCloseWithoutPostIncident(false);
        String id = liveIncidentInServiceNow("Closed in ServiceNow while active");
        String sysId = serviceNowIncident(id).orElseThrow().get("sys_id");

        beth.update("incident", sysId, Map.of("state", "7", "close_code", "Solution provided", "close_notes", "Done"));
        long writesBefore = writesFor(id).size();

        await().atMost(PATIENCE).until(() -> deadLettersFor(id) == 1);
        settle(id);
        Map<String, Object> letter = jdbc.queryForMap("SELECT * FROM dead_letter WHERE incident_key = ?", id);
        assertThat(letter.get("ERROR_KIND")).isEqualTo("transition-refused");
        assertThat((String) letter.get("ERROR_MESSAGE"))
                .contains("incident.io refused the change from ServiceNow " + serviceNowIncident(id).orElseThrow().get("number"))
                .contains("incident.io answered 422")
                .contains("Close incidents by opting out of post-incident flow");
        assertThat((String) letter.get("ORIGINAL_EVENTS")).contains(sysId).contains("beth.anglin");
        assertThat(jdbc.queryForObject("SELECT status FROM inbox_event WHERE source = 'servicenow' AND incident_key = ?"
                + " AND payload LIKE '%beth.anglin%'", String.class, id)).isEqualTo("DEAD");
        // One attempt: the refusal is permanent, so neither Camel's redeliveries nor the inbox try again.
        assertThat(INCIDENTIO.count("POST", "/v2/incidents/" + id + "/actions/edit")).isEqualTo(1);
        assertThat(deadLettersFor(id)).isEqualTo(1);
        assertThat(INCIDENTIO.incident(id).path("incident_status").path("name").asText()).isEqualTo("Investigating");
        assertThat(writesFor(id)).hasSize((int) writesBefore);
        assertThat(SERVICENOW.record("incident", sysId).orElseThrow()).containsEntry("state", "7");
    }

    @Test
    void withThePermissionTheSameCloseIsTaken() {
        INCIDENTIO.allowCloseWithoutPostIncident(true);
        String id = liveIncidentInServiceNow("Closed in ServiceNow, allowed");
        String sysId = serviceNowIncident(id).orElseThrow().get("sys_id");

        beth.update("incident", sysId, Map.of("state", "7", "close_code", "Solution provided", "close_notes", "Done"));

        await().atMost(PATIENCE).until(() -> "Closed".equals(INCIDENTIO.incident(id).path("incident_status").path("name").asText()));
        settle(id);
        assertThat(INCIDENTIO.count("POST", "/v2/incidents/" + id + "/actions/edit")).isEqualTo(1);
        assertThat(deadLettersFor(id)).isZero();
    }

    private String liveIncidentInServiceNow(String name) {
        String id = newIncident(name).path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        awaitServiceNowIncident(id, Map.of("state", "2"));
        settle(id);
        return id;
    }
}
