package io.incidentbridge.emulator.incidentio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /v2/incident_updates}: readable and paginated, never writable through the API (reference b.4). */
class IncidentIoIncidentUpdatesTest extends EmulatorTestBase {
    private final String id = emulator.createIncident(IncidentSpec.of("Queue backlog")).path("id").asText();

    @Test
    void updatesAreListedNewestFirstAsIncidentUpdateV2() {
        emulator.addIncidentUpdate(id, "Consumers restarted", null);
        emulator.addIncidentUpdate(id, "Backlog draining", "Monitoring");

        JsonNode body = api.get("/v2/incident_updates?incident_id=" + id).json();

        JsonNode newest = body.path("incident_updates").get(0);
        assertThat(messages(body)).containsExactly("Backlog draining", "Consumers restarted");
        assertThat(newest.path("incident_id").asText()).isEqualTo(id);
        assertThat(newest.path("id").asText()).matches("[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(newest.path("new_incident_status").path("name").asText()).isEqualTo("Monitoring");
        assertThat(newest.path("new_severity").path("name").asText()).isEqualTo("Major");
        assertThat(newest.path("updater").path("user").path("email").asText()).isEqualTo("abel.tuter@example.com");
        assertThat(newest.path("created_at").asText()).isEqualTo(emulator.incident(id).path("updated_at").asText());
        assertThat(emulator.incident(id).path("incident_status").path("name").asText()).isEqualTo("Monitoring");
    }

    @Test
    void updatesArePaginatedByCursorAndFilteredByIncident() {
        String other = emulator.createIncident(IncidentSpec.of("Other")).path("id").asText();
        for (int i = 1; i <= 5; i++) {
            emulator.addIncidentUpdate(id, "Update " + i, null);
        }
        emulator.addIncidentUpdate(other, "Elsewhere", null);

        JsonNode first = api.get("/v2/incident_updates?incident_id=" + id + "&page_size=2").json();
        JsonNode second = api.get("/v2/incident_updates?incident_id=" + id + "&page_size=2&after="
                + first.path("pagination_meta").path("after").asText()).json();
        JsonNode third = api.get("/v2/incident_updates?incident_id=" + id + "&page_size=2&after="
                + second.path("pagination_meta").path("after").asText()).json();

        assertThat(messages(first)).containsExactly("Update 5", "Update 4");
        assertThat(messages(second)).containsExactly("Update 3", "Update 2");
        assertThat(messages(third)).containsExactly("Update 1");
        assertThat(third.path("pagination_meta").has("after")).isFalse();
        assertThat(api.get("/v2/incident_updates?incident_id=" + id + "&page_size=251").status()).isEqualTo(422);
    }

    @Test
    void aStatusChangeThroughTheApiIsRecordedAsAnUpdateByTheApiKeyAndOtherEditsAreNot() {
        String monitoring = emulator.status("Monitoring").path("id").asText();
        api.post("/v2/incidents/" + id + "/actions/edit", "{\"incident\":{\"name\":\"Queue backlog, renamed\"},"
                + "\"notify_incident_channel\":false}");
        ApiClient.Answer moved = api.post("/v2/incidents/" + id + "/actions/edit", "{\"incident\":{\"incident_status_id\":\""
                + monitoring + "\"},\"notify_incident_channel\":false}");

        JsonNode updates = api.get("/v2/incident_updates?incident_id=" + id).json().path("incident_updates");

        assertThat(moved.status()).isEqualTo(200);
        assertThat(updates).singleElement().satisfies(update -> {
            assertThat(update.path("new_incident_status").path("name").asText()).isEqualTo("Monitoring");
            assertThat(update.path("updater").has("user")).isFalse();
            assertThat(update.path("updater").path("api_key").path("id").asText()).matches("[0-9A-HJKMNP-TV-Z]{26}");
            assertThat(update.path("updater").path("api_key").path("name").asText())
                    .isEqualTo(api.get("/v1/identity").json().path("identity").path("name").asText());
            assertThat(update.has("message")).isFalse();
            assertThat(update.path("created_at").asText()).isEqualTo(emulator.incident(id).path("updated_at").asText());
        });
    }

    @Test
    void theApiCannotPostAnUpdate() {
        ApiClient.Answer refused = api.post("/v2/incident_updates", "{\"incident_id\":\"" + id + "\",\"message\":\"hello\"}");

        assertThat(refused.status()).isIn(404, 405);
        assertThat(refused.json().path("errors")).isNotEmpty();
        assertThat(api.get("/v2/incident_updates?incident_id=" + id).json().path("incident_updates")).isEmpty();
    }

    private static List<String> messages(JsonNode body) {
        List<String> messages = new ArrayList<>();
        body.path("incident_updates").forEach(u -> messages.add(u.path("message").asText()));
        return messages;
    }
}
