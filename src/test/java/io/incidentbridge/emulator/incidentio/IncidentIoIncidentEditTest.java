package io.incidentbridge.emulator.incidentio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code POST /v2/incidents/{id}/actions/edit}: required envelope, only provided fields change (reference b.4). */
class IncidentIoIncidentEditTest extends EmulatorTestBase {
    private final ObjectNode incident = emulator.createIncident(IncidentSpec.of("Search is slow").withSummary("Indexer lag"));
    private final String id = incident.path("id").asText();

    @Test
    void bothIncidentAndNotifyIncidentChannelAreRequired() {
        ApiClient.Answer noNotify = edit("{\"incident\":{\"name\":\"x\"}}");
        ApiClient.Answer noIncident = edit("{\"notify_incident_channel\":false}");
        ApiClient.Answer notJson = edit("{\"incident\":");

        assertThat(noNotify.status()).isEqualTo(422);
        assertThat(noNotify.json().path("type").asText()).isEqualTo("validation_error");
        assertThat(noNotify.firstError().path("code").asText()).isEqualTo("is_required");
        assertThat(noNotify.firstError().path("source").path("field").asText()).isEqualTo("notify_incident_channel");
        assertThat(noIncident.status()).isEqualTo(422);
        assertThat(noIncident.firstError().path("source").path("field").asText()).isEqualTo("incident");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(emulator.incident(id)).isEqualTo(incident);
    }

    @Test
    void onlyTheProvidedFieldsChange() {
        JsonNode edited = edit("{\"incident\":{\"name\":\"Search is slow in EU\"},\"notify_incident_channel\":false}")
                .json().path("incident");

        assertThat(edited.path("name").asText()).isEqualTo("Search is slow in EU");
        ObjectNode expected = incident.deepCopy().put("name", "Search is slow in EU")
                .put("updated_at", edited.path("updated_at").asText());
        assertThat(edited).isEqualTo(expected);
        assertThat(Instant.parse(edited.path("updated_at").asText())).isAfter(Instant.parse(incident.path("updated_at").asText()));
        assertThat(emulator.incident(id)).isEqualTo(edited);
    }

    @Test
    void summaryAndSeverityChangeByIdAndAnUnknownSeverityIsRefused() {
        String critical = emulator.severity("Critical").path("id").asText();

        JsonNode edited = edit("{\"incident\":{\"summary\":\"Replica restarted\",\"severity_id\":\"" + critical
                + "\"},\"notify_incident_channel\":true}").json().path("incident");
        ApiClient.Answer unknown = edit("{\"incident\":{\"severity_id\":\"01NOSUCHSEVERITY0000000000\"},\"notify_incident_channel\":false}");

        assertThat(edited.path("summary").asText()).isEqualTo("Replica restarted");
        assertThat(edited.path("severity").path("name").asText()).isEqualTo("Critical");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.firstError().path("source").path("field").asText()).isEqualTo("severity_id");
    }

    @Test
    void aCustomFieldIsSetAndAnEmptyValuesListUnsetsIt() {
        String field = emulator.customField("ServiceNow notes").path("id").asText();

        JsonNode set = edit("{\"incident\":{\"custom_field_entries\":[{\"custom_field_id\":\"" + field
                + "\",\"values\":[{\"value_text\":\"INC0010001 opened\"}]}]},\"notify_incident_channel\":false}")
                .json().path("incident");
        JsonNode unset = edit("{\"incident\":{\"custom_field_entries\":[{\"custom_field_id\":\"" + field
                + "\",\"values\":[]}]},\"notify_incident_channel\":false}").json().path("incident");

        assertThat(set.path("custom_field_entries").get(0).path("values").get(0).path("value_text").asText())
                .isEqualTo("INC0010001 opened");
        assertThat(set.path("custom_field_entries").get(0).path("custom_field").path("id").asText()).isEqualTo(field);
        assertThat(unset.path("custom_field_entries").get(0).path("values")).isEmpty();
    }

    @Test
    void aCustomFieldValueOfTheWrongKindOrForAnUnknownFieldIsRefused() {
        String field = emulator.customField("ServiceNow notes").path("id").asText();

        ApiClient.Answer wrongKind = edit("{\"incident\":{\"custom_field_entries\":[{\"custom_field_id\":\"" + field
                + "\",\"values\":[{\"value_option_id\":\"01X\"}]}]},\"notify_incident_channel\":false}");
        ApiClient.Answer unknownField = edit("{\"incident\":{\"custom_field_entries\":[{\"custom_field_id\":\"01NOPE\","
                + "\"values\":[]}]},\"notify_incident_channel\":false}");

        assertThat(wrongKind.status()).isEqualTo(422);
        assertThat(wrongKind.firstError().path("message").asText()).contains("value_text");
        assertThat(unknownField.status()).isEqualTo(422);
    }

    @Test
    void aSelectFieldTakesAnOptionIdAndShowsTheOption() {
        JsonNode team = emulator.customField("Team");
        String data = team.path("options").get(2).path("id").asText();

        JsonNode set = edit("{\"incident\":{\"custom_field_entries\":[{\"custom_field_id\":\"" + team.path("id").asText()
                + "\",\"values\":[{\"value_option_id\":\"" + data + "\"}]}]},\"notify_incident_channel\":false}")
                .json().path("incident");
        ApiClient.Answer unknownOption = edit("{\"incident\":{\"custom_field_entries\":[{\"custom_field_id\":\""
                + team.path("id").asText() + "\",\"values\":[{\"value_option_id\":\"01NOPE\"}]}]},\"notify_incident_channel\":false}");

        JsonNode shown = set.path("custom_field_entries").get(1).path("values").get(0).path("value_option");
        assertThat(shown.path("value").asText()).isEqualTo("Data");
        assertThat(shown.path("id").asText()).isEqualTo(data);
        assertThat(unknownOption.status()).isEqualTo(422);
    }

    @Test
    void theLeadRoleIsAssignedByEmailAndUnassignedWithoutAnAssignee() {
        String lead = emulator.incidentRole("Incident Lead").path("id").asText();

        JsonNode assigned = edit("{\"incident\":{\"incident_role_assignments\":[{\"incident_role_id\":\"" + lead
                + "\",\"assignee\":{\"email\":\"beth.anglin@example.com\"}}]},\"notify_incident_channel\":false}")
                .json().path("incident");
        JsonNode unassigned = edit("{\"incident\":{\"incident_role_assignments\":[{\"incident_role_id\":\"" + lead
                + "\"}]},\"notify_incident_channel\":false}").json().path("incident");
        ApiClient.Answer unknownUser = edit("{\"incident\":{\"incident_role_assignments\":[{\"incident_role_id\":\"" + lead
                + "\",\"assignee\":{\"email\":\"nobody@example.com\"}}]},\"notify_incident_channel\":false}");

        assertThat(assigned.path("incident_role_assignments").get(0).path("assignee").path("name").asText())
                .isEqualTo("Beth Anglin");
        assertThat(unassigned.path("incident_role_assignments").get(0).has("assignee")).isFalse();
        assertThat(unknownUser.status()).isEqualTo(422);
    }

    @Test
    void aRefusedEditChangesNothingEvenWhenPartOfItWasValid() {
        ApiClient.Answer refused = edit("{\"incident\":{\"name\":\"Renamed\",\"incident_status_id\":\"01NOSUCHSTATUS000000000000\"},"
                + "\"notify_incident_channel\":false}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(emulator.incident(id)).isEqualTo(incident);
    }

    @Test
    void anEditThatChangesNothingKeepsUpdatedAt() {
        JsonNode same = edit("{\"incident\":{\"name\":\"Search is slow\"},\"notify_incident_channel\":false}").json().path("incident");

        assertThat(same.path("updated_at").asText()).isEqualTo(incident.path("updated_at").asText());
    }

    @Test
    void anUnknownIncidentIsA404AndTheEditCanUseTheReferenceNumber() {
        assertThat(api.post("/v2/incidents/01HZZZZZZZZZZZZZZZZZZZZZZZ/actions/edit",
                "{\"incident\":{},\"notify_incident_channel\":false}").status()).isEqualTo(404);
        assertThat(api.post("/v2/incidents/1/actions/edit", "{\"incident\":{\"name\":\"By number\"},\"notify_incident_channel\":false}")
                .json().path("incident").path("id").asText()).isEqualTo(id);
    }

    private ApiClient.Answer edit(String body) {
        return api.post("/v2/incidents/" + id + "/actions/edit", body);
    }
}
