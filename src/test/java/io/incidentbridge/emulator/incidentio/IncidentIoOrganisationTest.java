package io.incidentbridge.emulator.incidentio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.groups.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seeded organisation as the API shows it: identity, statuses, severities, users (reference b.4). */
class IncidentIoOrganisationTest extends EmulatorTestBase {
    private static final String ULID = "[0-9A-HJKMNP-TV-Z]{26}";

    @Test
    void identityNamesTheKeyAndItsRolesFollowThePermissions() {
        JsonNode identity = api.get("/v1/identity").json().path("identity");
        assertThat(identity.path("name").asText()).isNotBlank();
        assertThat(identity.path("dashboard_url").asText()).startsWith("https://app.incident.io/");
        assertThat(texts(identity.path("roles"))).contains("viewer", "incident_editor")
                .doesNotContain("global_access", "post_incident_flow_opt_out");

        emulator.allowPrivateIncidents(true);
        emulator.allowCloseWithoutPostIncident(true);

        assertThat(texts(api.get("/v1/identity").json().path("identity").path("roles")))
                .contains("global_access", "post_incident_flow_opt_out");
    }

    @Test
    void statusesAreListedByRankWithEveryCategory() {
        JsonNode statuses = api.get("/v1/incident_statuses").json().path("incident_statuses");

        List<Tuple> listed = new ArrayList<>();
        statuses.forEach(s -> listed.add(tuple(s.path("name").asText(), s.path("category").asText(), s.path("rank").asInt())));
        assertThat(listed).containsExactly(tuple("Triage", "triage", 1), tuple("Investigating", "live", 2),
                tuple("Fixing", "live", 3), tuple("Monitoring", "live", 4), tuple("Paused", "paused", 5),
                tuple("Documenting", "learning", 6), tuple("Closed", "closed", 7), tuple("Declined", "declined", 8),
                tuple("Canceled", "canceled", 9), tuple("Merged", "merged", 10));
        JsonNode first = statuses.get(0);
        assertThat(first.path("id").asText()).matches(ULID);
        assertThat(first.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(first.has("description")).isTrue();
        assertThat(first.path("id").asText()).isEqualTo(emulator.status("Triage").path("id").asText());
    }

    @Test
    void severitiesRankMinorMajorCritical() {
        JsonNode severities = api.get("/v1/severities").json().path("severities");

        assertThat(severities).extracting(s -> s.path("name").asText() + "=" + s.path("rank").asInt())
                .containsExactly("Minor=1", "Major=2", "Critical=3");
        assertThat(severities.get(2).path("id").asText()).isEqualTo(emulator.severity("Critical").path("id").asText());
    }

    @Test
    void idsArePerOrganisationSoTwoEmulatorsDisagree() {
        try (IncidentIoEmulator other = IncidentIoEmulator.start()) {
            assertThat(other.status("Investigating").path("id").asText())
                    .isNotEqualTo(emulator.status("Investigating").path("id").asText());
        }
    }

    @Test
    void usersAreFoundByEmailWhateverItsCase() {
        JsonNode found = api.get("/v2/users?email=Beth.Anglin@example.com").json();

        assertThat(found.path("users")).hasSize(1);
        assertThat(found.path("users").get(0).path("name").asText()).isEqualTo("Beth Anglin");
        assertThat(found.path("users").get(0).path("id").asText()).matches(ULID);
        assertThat(found.path("pagination_meta").path("page_size").asInt()).isEqualTo(25);
        assertThat(api.get("/v2/users?email=nobody@example.com").json().path("users")).isEmpty();
        assertThat(api.get("/v2/users").json().path("users").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theTypeRoleAndCustomFieldAreListed() {
        assertThat(api.get("/v1/incident_types").json().path("incident_types").get(0).path("name").asText()).isEqualTo("Default");
        JsonNode role = api.get("/v2/incident_roles").json().path("incident_roles").get(0);
        assertThat(role.path("name").asText()).isEqualTo("Incident Lead");
        assertThat(role.path("role_type").asText()).isEqualTo("lead");
        JsonNode field = api.get("/v2/custom_fields").json().path("custom_fields").get(0);
        assertThat(field.path("name").asText()).isEqualTo("ServiceNow notes");
        assertThat(field.path("field_type").asText()).isEqualTo("text");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
