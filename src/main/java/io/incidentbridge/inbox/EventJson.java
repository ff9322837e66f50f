package io.incidentbridge.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.errors.FailureKind;
import io.incidentbridge.errors.PermanentFailure;
import java.io.IOException;

/** Reading stored events and writing the incident.io envelope ({@code {"event_type": T, T: payload}}) in one place. */
public final class EventJson {
    private EventJson() {
    }

    /** The whole stored body; a body that is not JSON cannot be processed and is a permanent failure. */
    public static JsonNode document(ObjectMapper json, StoredEvent event) {
        try {
            return json.readTree(event.payload());
        } catch (IOException e) {
            throw new PermanentFailure(FailureKind.BAD_EVENT, "stored event " + event.id() + " is not JSON", e);
        }
    }

    /** The payload of an incident.io envelope: the object under the event type's key. */
    public static JsonNode payload(ObjectMapper json, StoredEvent event) {
        return document(json, event).path(event.eventType());
    }

    public static String envelope(ObjectMapper json, String eventType, JsonNode payload) {
        ObjectNode envelope = json.createObjectNode().put("event_type", eventType);
        envelope.set(eventType, payload);
        return envelope.toString();
    }
}
