package io.incidentbridge.emulator.incidentio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An incident as {@code GET /v2/incidents/{id}} shows it: IncidentV2's exact field names (reference b.3). */
class IncidentIoIncidentReadTest extends EmulatorTestBase {
    private static final String MICROS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z";

    @Test
    void anIncidentHasIncidentV2sFieldsAndNoOthers() {
        ObjectNode created = emulator.createIncident(IncidentSpec.of("Checkout payments failing").withSeverity("Critical"));

        JsonNode incident = api.get("/v2/incidents/" + created.path("id").asText()).json().path("incident");

        assertThat(fieldNames(incident)).containsExactlyInAnyOrder("id", "reference", "name", "summary", "permalink",
                "incident_status", "severity", "mode", "visibility", "incident_type", "creator", "custom_field_entries",
                "incident_role_assignments", "external_issue_reference", "slack_team_id", "slack_channel_id",
                "slack_channel_name", "created_at", "updated_at");
        assertThat(incident).isEqualTo(created);
        assertThat(incident.path("id").asText()).matches("[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(incident.path("reference").asText()).isEqualTo("INC-1");
        assertThat(incident.path("permalink").asText()).matches("https://app\\.incident\\.io/[a-z0-9-]+/incidents/1");
        assertThat(fieldNames(incident.path("incident_status"))).containsExactlyInAnyOrder("id", "name", "description",
                "category", "rank", "created_at", "updated_at");
        assertThat(incident.path("incident_status").path("category").asText()).isEqualTo("live");
        assertThat(incident.path("severity").path("name").asText()).isEqualTo("Critical");
        assertThat(incident.path("mode").asText()).isEqualTo("standard");
        assertThat(incident.path("visibility").asText()).isEqualTo("public");
        assertThat(incident.path("creator").path("user").path("email").asText()).isEqualTo("abel.tuter@example.com");
        assertThat(incident.path("external_issue_reference").isNull()).isTrue();
        assertThat(incident.path("custom_field_entries").get(0).path("custom_field").path("name").asText())
                .isEqualTo("ServiceNow notes");
        assertThat(incident.path("incident_role_assignments").get(0).path("role").path("role_type").asText()).isEqualTo("lead");
        assertThat(incident.path("created_at").asText()).matches(MICROS);
    }

    @Test
    void unsetCustomFieldsCanBeLeftOutOfTheIncidentAndShowOnceTheyHaveAValue() {
        emulator.listUnsetCustomFields(false);
        String id = emulator.createIncident(IncidentSpec.of("Sparse")).path("id").asText();

        JsonNode before = api.get("/v2/incidents/" + id).json().path("incident");
        emulator.setCustomField(id, "ServiceNow notes", "First note");
        JsonNode after = api.get("/v2/incidents/" + id).json().path("incident");

        assertThat(before.path("custom_field_entries").isArray()).isTrue();
        assertThat(before.path("custom_field_entries")).isEmpty();
        assertThat(after.path("custom_field_entries")).singleElement()
                .satisfies(entry -> assertThat(entry.path("custom_field").path("name").asText()).isEqualTo("ServiceNow notes"));
        assertThat(api.get("/v2/custom_fields").json().path("custom_fields").findValuesAsText("name")).contains("ServiceNow notes");
    }

    @Test
    void anIncidentWithoutSeverityOrSummaryShowsThemAsNull() {
        String id = emulator.createIncident(IncidentSpec.of("Quiet").withSeverity(null).withSummary(null)).path("id").asText();

        JsonNode incident = api.get("/v2/incidents/" + id).json().path("incident");

        assertThat(incident.get("severity").isNull()).isTrue();
        assertThat(incident.get("summary").isNull()).isTrue();
    }

    @Test
    void anIncidentCanBeFetchedByTheNumberInItsReference() {
        emulator.createIncident(IncidentSpec.of("First"));
        String id = emulator.createIncident(IncidentSpec.of("Second")).path("id").asText();

        JsonNode byNumber = api.get("/v2/incidents/2").json().path("incident");

        assertThat(byNumber.path("id").asText()).isEqualTo(id);
        assertThat(byNumber.path("reference").asText()).isEqualTo("INC-2");
    }

    @Test
    void anUnknownIncidentIsA404InTheErrorShape() {
        ApiClient.Answer answer = api.get("/v2/incidents/01HZZZZZZZZZZZZZZZZZZZZZZZ");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("type").asText()).isEqualTo("not_found");
        assertThat(answer.json().path("request_id").asText()).isNotBlank();
        assertThat(answer.firstError().path("code").asText()).isEqualTo("not_found");
    }

    @Test
    void everyChangeGetsAStrictlyLaterUpdatedAtWithMicroseconds() {
        String id = emulator.createIncident(IncidentSpec.of("Churn")).path("id").asText();
        List<String> stamps = new ArrayList<>();
        stamps.add(emulator.incident(id).path("updated_at").asText());
        for (int i = 0; i < 20; i++) {
            int n = i;
            stamps.add(emulator.updateIncident(id, incident -> incident.put("name", "Churn " + n)).path("updated_at").asText());
        }
        stamps.add(emulator.setStatus(id, "Fixing").path("updated_at").asText());

        assertThat(stamps).allMatch(stamp -> stamp.matches(MICROS));
        for (int i = 1; i < stamps.size(); i++) {
            assertThat(Instant.parse(stamps.get(i))).isAfter(Instant.parse(stamps.get(i - 1)));
        }
        assertThat(api.get("/v2/incidents/" + id).json().path("incident").path("updated_at").asText())
                .isEqualTo(stamps.get(stamps.size() - 1));
    }

    @Test
    void theJavaApiHandsOutCopiesSoATestCannotChangeStateBehindTheApisBack() {
        ObjectNode created = emulator.createIncident(IncidentSpec.of("Original"));
        created.put("name", "Tampered");
        emulator.incident(created.path("id").asText()).put("name", "Tampered too");

        assertThat(api.get("/v2/incidents/1").json().path("incident").path("name").asText()).isEqualTo("Original");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
