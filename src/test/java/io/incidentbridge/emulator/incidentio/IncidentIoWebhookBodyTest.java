package io.incidentbridge.emulator.incidentio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.Json;
import org.junit.jupiter.api.Test;

/** Webhook bodies built from the current state, in the envelope and payload schemas of reference b.2. */
class IncidentIoWebhookBodyTest extends EmulatorTestBase {
    private final String id = emulator.createIncident(IncidentSpec.of("Checkout failing")).path("id").asText();

    @Test
    void anIncidentEventCarriesTheWholeIncidentUnderTheEventTypeKey() {
        emulator.addIncidentUpdate(id, "Card payments recovering", null);

        JsonNode body = Json.parse(emulator.webhookBody("public_incident.incident_updated_v2", id));

        assertThat(body.path("event_type").asText()).isEqualTo("public_incident.incident_updated_v2");
        JsonNode payload = body.path("public_incident.incident_updated_v2");
        ObjectNode expected = emulator.incident(id).put("most_recent_update_message", "Card payments recovering");
        expected.putArray("related_incidents");
        assertThat(payload).isEqualTo(expected);
    }

    @Test
    void aStatusChangeEventCarriesThePreviousAndNewStatus() {
        emulator.setStatus(id, "Documenting");

        JsonNode payload = Json.parse(emulator.webhookBody("public_incident.incident_status_updated_v2", id))
                .path("public_incident.incident_status_updated_v2");

        assertThat(payload.path("incident")).isEqualTo(emulator.incident(id));
        assertThat(payload.path("previous_status")).isEqualTo(emulator.status("Investigating"));
        assertThat(payload.path("new_status")).isEqualTo(emulator.status("Documenting"));
        assertThat(payload.has("message")).isFalse();
        assertThatThrownBy(() -> emulator.webhookBody("public_incident.incident_status_updated_v2",
                emulator.createIncident(IncidentSpec.of("Unchanged")).path("id").asText()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStatusChangeMadeByAnUpdateCarriesThatUpdatesMessage() {
        emulator.addIncidentUpdate(id, "Fix deployed, watching", "Monitoring");

        JsonNode payload = Json.parse(emulator.webhookBody("public_incident.incident_status_updated_v2", id))
                .path("public_incident.incident_status_updated_v2");

        assertThat(payload.path("message").asText()).isEqualTo("Fix deployed, watching");
        assertThat(payload.path("new_status").path("name").asText()).isEqualTo("Monitoring");
        emulator.addIncidentUpdate(id, "Still watching", null);
        emulator.setStatus(id, "Documenting");
        assertThat(Json.parse(emulator.webhookBody("public_incident.incident_status_updated_v2", id))
                .path("public_incident.incident_status_updated_v2").has("message")).isFalse();
    }

    @Test
    void privateIncidentEventsCarryOnlyTheIdAndPublicOnesAreNeverBuiltForThem() {
        String secret = emulator.createIncident(IncidentSpec.of("Payroll leak").withVisibility("private")).path("id").asText();

        JsonNode body = Json.parse(emulator.webhookBody("private_incident.incident_created_v2", secret));

        assertThat(body.path("private_incident.incident_created_v2")).isEqualTo(Json.object().put("id", secret));
        assertThatThrownBy(() -> emulator.webhookBody("public_incident.incident_created_v2", secret))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator.webhookBody("private_incident.incident_created_v2", id))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void followUpEventsCarryFollowUpV2OrTheLegacyActionShape() {
        String followUp = emulator.createFollowUp(id, "Add alerting", "On p99 latency", null).path("id").asText();

        JsonNode v2 = Json.parse(emulator.webhookBody("public_incident.follow_up_created_v2", followUp))
                .path("public_incident.follow_up_created_v2");
        JsonNode v1 = Json.parse(emulator.webhookBody("public_incident.follow_up_created_v1", followUp))
                .path("public_incident.follow_up_created_v1");

        assertThat(v2).isEqualTo(emulator.followUp(followUp));
        assertThat(v1.path("follow_up").asBoolean()).isTrue();
        assertThat(v1.path("description").asText()).isEqualTo("Add alerting");
        assertThat(v1.path("incident_id").asText()).isEqualTo(id);
    }

    @Test
    void aWebhookBodyVerifiesWhenSignedAndSentAsIs() {
        String secret = WebhookSender.newSecret();
        try (WebhookReceiver receiver = new WebhookReceiver(202)) {
            String body = emulator.webhookBody("public_incident.incident_created_v2", id);
            Delivery delivery = new WebhookSender(receiver.url(), secret).send(body);

            WebhookReceiver.Received got = receiver.received().get(0);
            assertThat(got.body()).isEqualTo(body);
            assertThat(got.header("webhook-signature")).isEqualTo(WebhookSender.sign(secret, delivery.webhookId(),
                    Long.parseLong(got.header("webhook-timestamp")), body));
        }
    }
}
