package io.incidentbridge.incidentio;

import io.incidentbridge.webhooks.WebhookRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.inbox.InboundEvent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IncidentIoEventParserTest {
    private final IncidentIoEventParser parser = new IncidentIoEventParser(new ObjectMapper());

    @Test
    void storesFullIncidentEventsUnderTheIncidentId() {
        Optional<InboundEvent> event = parse("{\"event_type\":\"public_incident.incident_updated_v2\","
                + "\"public_incident.incident_updated_v2\":" + incident("01A") + "}");
        assertThat(event).get().extracting(InboundEvent::incidentKey, InboundEvent::eventType)
                .containsExactly("01A", "public_incident.incident_updated_v2");
    }

    @Test
    void readsTheIncidentInsideAStatusChange() {
        Optional<InboundEvent> event = parse("{\"event_type\":\"public_incident.incident_status_updated_v2\","
                + "\"public_incident.incident_status_updated_v2\":{\"incident\":" + incident("01B") + ",\"new_status\":{}}}");
        assertThat(event).get().extracting(InboundEvent::incidentKey).isEqualTo("01B");
    }

    @Test
    void privateEventsCarryOnlyAnId() {
        Optional<InboundEvent> event = parse("{\"event_type\":\"private_incident.incident_created_v2\","
                + "\"private_incident.incident_created_v2\":{\"id\":\"01C\"}}");
        assertThat(event).get().extracting(InboundEvent::incidentKey).isEqualTo("01C");
    }

    @Test
    void acceptsAndIgnoresOtherWellFormedEventTypes() {
        assertThat(parse("{\"event_type\":\"public_alert.alert_created_v1\",\"public_alert.alert_created_v1\":{\"id\":\"x\"}}"))
                .isEmpty();
    }

    @Test
    void refusesMalformedJsonAndUnknownShapesWithAReason() {
        assertBadRequest("{not json", "not valid JSON");
        assertBadRequest("[1,2]", "not a JSON object");
        assertBadRequest("{\"event_type\":42}", "event_type");
        assertBadRequest("{\"event_type\":\"public_incident.incident_updated_v2\"}", "payload object");
        assertBadRequest("{\"event_type\":\"public_incident.incident_updated_v2\",\"public_incident.incident_updated_v2\":"
                + "{\"id\":\"01A\",\"updated_at\":\"yesterday\",\"incident_status\":{\"category\":\"live\"}}}", "RFC 3339");
        assertBadRequest("{\"event_type\":\"public_incident.incident_updated_v2\",\"public_incident.incident_updated_v2\":"
                + "{\"id\":7,\"updated_at\":\"2026-01-01T00:00:00Z\"}}", ".id");
        assertBadRequest("{\"event_type\":\"private_incident.incident_created_v2\",\"private_incident.incident_created_v2\":"
                + "{\"id\":\"" + "x".repeat(500) + "\"}}", "too long");
    }

    @Test
    void refusesIdsThatAreNotVisibleAscii() {
        for (String id : new String[] {"01A\\u0000", "01A\\ud800", "\\u202e01A", "01\\u200bA", "01 A", "01A\\n", "\\u0661\\u0662"}) {
            assertBadRequest("{\"event_type\":\"public_incident.incident_updated_v2\",\"public_incident.incident_updated_v2\":"
                    + incident(id) + "}", ".id is missing, not a string of visible ASCII characters");
            assertBadRequest("{\"event_type\":\"private_incident.incident_created_v2\",\"private_incident.incident_created_v2\":"
                    + "{\"id\":\"" + id + "\"}}", ".id");
            assertBadRequest("{\"event_type\":\"public_incident.follow_up_created_v2\",\"public_incident.follow_up_created_v2\":"
                    + "{\"id\":\"01F\",\"incident_id\":\"" + id + "\"}}", ".incident_id");
        }
    }

    private static String incident(String id) {
        return "{\"id\":\"" + id + "\",\"updated_at\":\"2026-11-29T10:00:00.000000Z\",\"incident_status\":{\"category\":\"live\"}}";
    }

    private Optional<InboundEvent> parse(String body) {
        return parser.parse("msg_1", body.getBytes(StandardCharsets.UTF_8));
    }

    private void assertBadRequest(String body, String reason) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(WebhookRejected.class).hasMessageContaining(reason)
                .extracting(e -> ((WebhookRejected) e).status()).isEqualTo(400);
    }
}
