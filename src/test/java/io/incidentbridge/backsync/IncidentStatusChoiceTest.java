package io.incidentbridge.backsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.emulator.incidentio.IncidentIoEmulator;
import io.incidentbridge.emulator.incidentio.IncidentSpec;
import io.incidentbridge.errors.PermanentFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The status the back-sync asks incident.io for, checked against the incident.io emulator, which enforces incident.io's
 * transition rules: each choice is then made through the edit action and must be accepted (or refused for the one
 * documented reason the choice cannot see: the API key's close-without-post-incident permission).
 */
class IncidentStatusChoiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final IncidentIoEmulator incidentIo = IncidentIoEmulator.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        incidentIo.close();
    }

    @Test
    void resolvingPicksTheFirstStatusOfThePostIncidentFlowAndIncidentIoTakesIt() {
        JsonNode incident = incident("Investigating", "Major");

        JsonNode chosen = choose(incident, "Major", "learning", "{}").orElseThrow();

        assertThat(chosen.path("name").asText()).isEqualTo("Documenting");
        assertThat(edit(incident, chosen)).isEqualTo(200);
    }

    @Test
    void withSeveralFlowsTheIncidentsSeverityPicksTheConfiguredFlow() {
        incidentIo.addPostIncidentFlow("Major incident review", "Critical", "Reviewing");
        String flows = "{\"Critical\":\"Reviewing\"}";
        JsonNode critical = incident("Investigating", "Critical");
        JsonNode minor = incident("Fixing", "Minor");

        JsonNode forCritical = choose(critical, "Critical", "learning", flows).orElseThrow();
        JsonNode forMinor = choose(minor, "Minor", "learning", flows).orElseThrow();

        assertThat(forCritical.path("name").asText()).isEqualTo("Reviewing");
        assertThat(forMinor.path("name").asText()).isEqualTo("Documenting");
        assertThat(edit(critical, forCritical)).isEqualTo(200);
        assertThat(edit(minor, forMinor)).isEqualTo(200);
    }

    @Test
    void theFlowIsTheOneOfTheSeverityTheSameEditSets() {
        incidentIo.addPostIncidentFlow("Major incident review", "Critical", "Reviewing");
        JsonNode minor = incident("Investigating", "Minor");

        JsonNode chosen = choose(minor, "Critical", "learning", "{\"Critical\":\"Reviewing\",\"default\":\"Documenting\"}")
                .orElseThrow();

        assertThat(chosen.path("name").asText()).isEqualTo("Reviewing");
        assertThat(editWithSeverity(minor, chosen, "Critical")).isEqualTo(200);
    }

    @Test
    void whereNoPostIncidentFlowAppliesAnActiveIncidentIsClosedInstead() {
        JsonNode incident = incident("Monitoring", "Minor");

        JsonNode chosen = choose(incident, "Minor", "learning", "{\"Minor\":\"none\"}").orElseThrow();

        assertThat(chosen.path("name").asText()).isEqualTo("Closed");
        assertThat(chosen.path("category").asText()).isEqualTo("closed");
        incidentIo.allowCloseWithoutPostIncident(true);
        assertThat(edit(incident, chosen)).isEqualTo(200);
    }

    @Test
    void anAccountWithoutPostIncidentStatusesClosesInstead() {
        JsonNode incident = incident("Investigating", "Major");
        JsonNode statuses = withoutCategory(statuses(), "learning");

        Optional<JsonNode> chosen = IncidentStatusChoice.choose(incident, "Major", "learning", statuses, json("{}"));

        assertThat(chosen).map(s -> s.path("name").asText()).contains("Closed");
    }

    @Test
    void whereNoFlowAppliesAnIncidentThatIsNotActiveIsReportedNotMoved() {
        JsonNode declined = incident("Declined", "Minor");

        assertThatThrownBy(() -> choose(declined, "Minor", "learning", "{\"default\":\"none\"}"))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("no post-incident flow")
                .hasMessageContaining("declined 'Declined'")
                .satisfies(e -> assertThat(((PermanentFailure) e).label()).isEqualTo("transition-refused"));
    }

    @Test
    void aConfiguredStatusThatIsNotPostIncidentIsAMappingError() {
        JsonNode incident = incident("Investigating", "Major");

        assertThatThrownBy(() -> choose(incident, "Major", "learning", "{\"Major\":\"Monitoring\"}"))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("back_post_incident_status")
                .hasMessageContaining("'Monitoring'");
    }

    @Test
    void closingFromPostIncidentPicksTheClosedStatusAndIncidentIoTakesIt() {
        JsonNode incident = incident("Documenting", "Major");

        JsonNode chosen = choose(incident, "Major", "closed", "{}").orElseThrow();

        assertThat(chosen.path("name").asText()).isEqualTo("Closed");
        assertThat(edit(incident, chosen)).isEqualTo(200);
    }

    @Test
    void closingStraightFromActiveIsAskedForAndNeedsTheKeysPermission() {
        JsonNode incident = incident("Investigating", "Major");

        JsonNode chosen = choose(incident, "Major", "closed", "{}").orElseThrow();

        assertThat(chosen.path("name").asText()).isEqualTo("Closed");
        assertThat(edit(incident, chosen)).isEqualTo(422);
        incidentIo.allowCloseWithoutPostIncident(true);
        assertThat(edit(incident, chosen)).isEqualTo(200);
    }

    @Test
    void pausedOnlyWhereTheAccountHasAPausedStatus() {
        JsonNode incident = incident("Investigating", "Major");

        assertThat(choose(incident, "Major", "paused", "{}")).map(s -> s.path("name").asText()).contains("Paused");
        assertThat(IncidentStatusChoice.choose(incident, "Major", "paused", withoutCategory(statuses(), "paused"), json("{}")))
                .isEmpty();
    }

    @Test
    void reopeningPicksTheFirstActiveStatusAndIncidentIoTakesIt() {
        JsonNode incident = incident("Documenting", "Major");

        JsonNode chosen = choose(incident, "Major", "live", "{}").orElseThrow();

        assertThat(chosen.path("name").asText()).isEqualTo("Investigating");
        assertThat(edit(incident, chosen)).isEqualTo(200);
    }

    @Test
    void anIncidentAlreadyInTheCategoryStaysWhereItIs() {
        assertThat(choose(incident("Fixing", "Major"), "Major", "live", "{}")).isEmpty();
        assertThat(choose(incident("Documenting", "Major"), "Major", "learning", "{}")).isEmpty();
    }

    @Test
    void aCategoryTheAccountLacksIsAMappingError() {
        JsonNode incident = incident("Investigating", "Major");

        assertThatThrownBy(() -> IncidentStatusChoice.choose(incident, "Major", "canceled",
                withoutCategory(statuses(), "canceled"), json("{}")))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("no status of category canceled");
    }

    private Optional<JsonNode> choose(JsonNode incident, String severity, String category, String postIncident) {
        return IncidentStatusChoice.choose(incident, severity, category, statuses(), json(postIncident));
    }

    private JsonNode incident(String status, String severity) {
        return incidentIo.createIncident(IncidentSpec.of(status + " incident").withStatus(status).withSeverity(severity));
    }

    private JsonNode statuses() {
        return call("GET", "/v1/incident_statuses", null).path("incident_statuses");
    }

    private static JsonNode withoutCategory(JsonNode statuses, String category) {
        var kept = JSON.createArrayNode();
        statuses.forEach(s -> {
            if (!category.equals(s.path("category").asText())) {
                kept.add(s);
            }
        });
        return kept;
    }

    private int edit(JsonNode incident, JsonNode status) {
        return send("POST", "/v2/incidents/" + incident.path("id").asText() + "/actions/edit",
                "{\"incident\":{\"incident_status_id\":\"" + status.path("id").asText() + "\"},\"notify_incident_channel\":false}")
                .statusCode();
    }

    private int editWithSeverity(JsonNode incident, JsonNode status, String severity) {
        return send("POST", "/v2/incidents/" + incident.path("id").asText() + "/actions/edit",
                "{\"incident\":{\"incident_status_id\":\"" + status.path("id").asText() + "\",\"severity_id\":\""
                        + incidentIo.severity(severity).path("id").asText() + "\"},\"notify_incident_channel\":false}")
                .statusCode();
    }

    private JsonNode call(String method, String path, String body) {
        return json(send(method, path, body).body());
    }

    private HttpResponse<String> send(String method, String path, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(incidentIo.baseUrl() + path))
                    .header("Authorization", "Bearer " + IncidentIoEmulator.API_KEY)
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
