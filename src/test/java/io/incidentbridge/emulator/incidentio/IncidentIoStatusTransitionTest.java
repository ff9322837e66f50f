package io.incidentbridge.emulator.incidentio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The status moves the edit action allows and refuses, one rule per test (incident.io's description of
 * {@code incident_status_id}, quoted in reference b.4).
 */
class IncidentIoStatusTransitionTest extends EmulatorTestBase {

    @Test
    void aMoveWithinACategoryIsAllowed() {
        assertMove("Investigating", "Fixing", 200);
        assertMove("Fixing", "Monitoring", 200);
    }

    @Test
    void resolvingFromActiveTriageOrPausedIntoPostIncidentIsAllowed() {
        assertMove("Investigating", "Documenting", 200);
        assertMove("Triage", "Documenting", 200);
        assertMove("Paused", "Documenting", 200);
    }

    @Test
    void resolvingStraightToClosedNeedsTheOptOutPermission() {
        ApiClient.Answer refused = move(incidentIn("Investigating"), "Closed");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("type").asText()).isEqualTo("validation_error");
        assertThat(refused.firstError().path("source").path("field").asText()).isEqualTo("incident_status_id");
        assertThat(refused.firstError().path("message").asText())
                .contains("Close incidents by opting out of post-incident flow");
        assertMove("Triage", "Closed", 422);

        emulator.allowCloseWithoutPostIncident(true);

        assertMove("Investigating", "Closed", 200);
        assertMove("Triage", "Closed", 200);
    }

    @Test
    void closingFromPostIncidentNeedsNoPermission() {
        assertMove("Documenting", "Closed", 200);
    }

    @Test
    void aPostIncidentIncidentCanBeReopened() {
        assertMove("Documenting", "Investigating", 200);
    }

    @Test
    void thePostIncidentStatusMustBelongToTheFlowForTheIncident() {
        emulator.addPostIncidentFlow("Major incident review", "Critical", "Reviewing");
        String critical = emulator.createIncident(IncidentSpec.of("Outage").withSeverity("Critical")).path("id").asText();
        String major = emulator.createIncident(IncidentSpec.of("Slowness").withSeverity("Major")).path("id").asText();

        ApiClient.Answer wrongFlow = move(major, "Reviewing");

        assertThat(wrongFlow.status()).isEqualTo(422);
        assertThat(wrongFlow.firstError().path("message").asText()).contains("post-incident flow");
        assertThat(move(critical, "Documenting").status()).isEqualTo(422);
        assertThat(move(critical, "Reviewing").status()).isEqualTo(200);
        assertThat(move(major, "Documenting").status()).isEqualTo(200);
    }

    @Test
    void movesTheDescriptionDoesNotListAreRefusedUntilATestAllowsThem() {
        assertMove("Closed", "Investigating", 422);
        assertMove("Investigating", "Declined", 422);
        assertMove("Triage", "Investigating", 422);
        assertMove("Investigating", "Paused", 422);

        emulator.allowStatusTransition("triage", "live");

        assertMove("Triage", "Investigating", 200);
    }

    @Test
    void theJavaApiMovesStatusWithoutTheApisRulesAsThePeopleInSlackCan() {
        String id = incidentIn("Investigating");

        assertThat(emulator.setStatus(id, "Closed").path("incident_status").path("name").asText()).isEqualTo("Closed");
    }

    private void assertMove(String from, String to, int expectedStatus) {
        String id = incidentIn(from);
        ApiClient.Answer answer = move(id, to);
        assertThat(answer.status()).as(from + " -> " + to + ": " + answer.body()).isEqualTo(expectedStatus);
        String now = emulator.incident(id).path("incident_status").path("name").asText();
        assertThat(now).isEqualTo(expectedStatus == 200 ? to : from);
    }

    private String incidentIn(String statusName) {
        return emulator.createIncident(IncidentSpec.of(statusName + " incident").withStatus(statusName)).path("id").asText();
    }

    private ApiClient.Answer move(String id, String statusName) {
        return api.post("/v2/incidents/" + id + "/actions/edit", "{\"incident\":{\"incident_status_id\":\""
                + emulator.status(statusName).path("id").asText() + "\"},\"notify_incident_channel\":false}");
    }
}
