package io.incidentbridge.emulator.incidentio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Private incidents are visible only to a key with global_access, and so are their parts (reference b.2). */
class IncidentIoPrivateIncidentTest extends EmulatorTestBase {
    private final String open = emulator.createIncident(IncidentSpec.of("Public outage")).path("id").asText();
    private final String secret = emulator.createIncident(IncidentSpec.of("Payroll leak").withVisibility("private"))
            .path("id").asText();

    @Test
    void withoutPermissionAPrivateIncidentDoesNotExistForTheKey() {
        emulator.createFollowUp(secret, "Rotate credentials", null, null);
        emulator.addIncidentUpdate(secret, "Contained", null);

        assertThat(api.get("/v2/incidents/" + secret).status()).isEqualTo(404);
        assertThat(api.get("/v2/incidents").json().path("incidents")).extracting(i -> i.path("id").asText())
                .containsExactly(open);
        assertThat(api.get("/v2/incidents").json().path("pagination_meta").path("total_record_count").asInt()).isEqualTo(1);
        assertThat(api.get("/v2/follow_ups?incident_id=" + secret).json().path("follow_ups")).isEmpty();
        assertThat(api.get("/v2/incident_updates?incident_id=" + secret).json().path("incident_updates")).isEmpty();
        assertThat(api.post("/v2/incidents/" + secret + "/actions/edit",
                "{\"incident\":{\"name\":\"x\"},\"notify_incident_channel\":false}").status()).isEqualTo(404);
        assertThat(api.post("/v1/incident_attachments", "{\"incident_id\":\"" + secret + "\",\"resource\":"
                + "{\"resource_type\":\"arbitrary_url\",\"url\":\"https://example.com/x\"}}").status()).isEqualTo(404);
    }

    @Test
    void withGlobalAccessThePrivateIncidentAndItsPartsAreThere() {
        emulator.createFollowUp(secret, "Rotate credentials", null, null);
        emulator.allowPrivateIncidents(true);

        assertThat(api.get("/v2/incidents/" + secret).json().path("incident").path("visibility").asText()).isEqualTo("private");
        assertThat(api.get("/v2/incidents").json().path("incidents")).hasSize(2);
        assertThat(api.get("/v2/follow_ups?incident_id=" + secret).json().path("follow_ups")).hasSize(1);

        emulator.allowPrivateIncidents(false);

        assertThat(api.get("/v2/incidents/" + secret).status()).isEqualTo(404);
    }
}
