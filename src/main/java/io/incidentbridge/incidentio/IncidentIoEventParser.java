package io.incidentbridge.incidentio;

import io.incidentbridge.webhooks.WebhookRejected;
import io.incidentbridge.webhooks.WebhookJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.inbox.InboundEvent;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks the shape of a verified incident.io webhook ({@code {"event_type": T, T: payload}}) just enough to
 * store it under the right incident. Anything the bridge will not act on is answered 2xx and not stored.
 */
@Component
public class IncidentIoEventParser {
    public static final String SOURCE = "incident.io";
    /**
     * incident.io ids are ULIDs; anything outside visible ASCII (a NUL, which PostgreSQL cannot store, a lone
     * surrogate, a bidi override) is not an id and must not become an inbox key or a correlation id.
     */
    private static final Pattern ID = Pattern.compile("[\\x21-\\x7E]{1,120}");
    private final WebhookJson json;

    public IncidentIoEventParser(ObjectMapper json) {
        this.json = new WebhookJson(json);
    }

    /** The event to store, or empty for a well-formed event of a type the bridge does not act on. */
    public Optional<InboundEvent> parse(String deliveryId, byte[] body) {
        WebhookJson.Body read = json.read(body);
        JsonNode root = read.root();
        JsonNode type = root.get("event_type");
        if (type == null || !type.isTextual() || type.asText().isBlank()) {
            throw new WebhookRejected(400, "event_type is missing or not a string");
        }
        String eventType = type.asText();
        JsonNode payload = root.get(eventType);
        if (payload == null || !payload.isObject()) {
            throw new WebhookRejected(400, "the payload object under \"" + eventType + "\" is missing");
        }
        String incidentId;
        if (IncidentIoEventTypes.FULL_INCIDENT.contains(eventType)) {
            incidentId = incidentId(payload, eventType);
        } else if (IncidentIoEventTypes.STATUS_CHANGE.contains(eventType)) {
            incidentId = incidentId(payload.path("incident"), eventType + ".incident");
        } else if (IncidentIoEventTypes.ID_ONLY.contains(eventType)) {
            incidentId = id(payload, eventType);
        } else if (IncidentIoEventTypes.FOLLOW_UP.contains(eventType)) {
            id(payload, eventType);
            incidentId = text(payload, "incident_id", eventType);
        } else if (IncidentIoEventTypes.PRIVATE_FOLLOW_UP.contains(eventType)) {
            incidentId = IncidentIoEventTypes.FOLLOW_UP_KEY_PREFIX + id(payload, eventType);
        } else {
            return Optional.empty();
        }
        return Optional.of(new InboundEvent(SOURCE, deliveryId, eventType, incidentId, read.text()));
    }

    private static String incidentId(JsonNode incident, String where) {
        if (!incident.isObject()) {
            throw new WebhookRejected(400, where + " is not an incident object");
        }
        String id = id(incident, where);
        JsonNode updatedAt = incident.get("updated_at");
        if (updatedAt == null || !updatedAt.isTextual()) {
            throw new WebhookRejected(400, where + ".updated_at is missing");
        }
        try {
            OffsetDateTime.parse(updatedAt.asText());
        } catch (DateTimeParseException e) {
            throw new WebhookRejected(400, where + ".updated_at is not an RFC 3339 timestamp");
        }
        JsonNode status = incident.get("incident_status");
        if (status == null || !status.isObject() || !status.path("category").isTextual()) {
            throw new WebhookRejected(400, where + ".incident_status.category is missing");
        }
        return id;
    }

    private static String id(JsonNode node, String where) {
        return text(node, "id", where);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || !ID.matcher(value.asText()).matches()) {
            throw new WebhookRejected(400, where + "." + field + " is missing, not a string of visible ASCII characters, or too long");
        }
        return value.asText();
    }
}
