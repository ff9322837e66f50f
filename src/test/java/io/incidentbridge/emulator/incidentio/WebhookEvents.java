package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.Json;

/**
 * Builds webhook bodies from the current state, in incident.io's envelope {@code {"event_type": T, T: payload}}
 * with the payload schemas of its OpenAPI {@code x-webhooks} (reference b.2). Refuses what incident.io never
 * sends: a public event for a private incident or the reverse, and a status change event for an incident whose
 * status has not changed.
 */
final class WebhookEvents {
    private final IncidentStore incidents;
    private final FollowUps followUps;

    WebhookEvents(IncidentStore incidents, FollowUps followUps) {
        this.incidents = incidents;
        this.followUps = followUps;
    }

    String body(String eventType, String resourceId) {
        ObjectNode envelope = Json.object().put("event_type", eventType);
        envelope.set(eventType, payload(eventType, resourceId));
        return Json.write(envelope);
    }

    private JsonNode payload(String eventType, String resourceId) {
        boolean followUpEvent = eventType.contains(".follow_up_") || eventType.contains(".action_");
        ObjectNode followUp = followUpEvent ? followUps.find(resourceId)
                .orElseThrow(() -> new IllegalArgumentException("no follow-up " + resourceId)) : null;
        ObjectNode incident = incident(followUpEvent ? followUp.path("incident_id").asText() : resourceId);
        boolean privateIncident = "private".equals(incident.path("visibility").asText());
        if (eventType.startsWith("private_incident.")) {
            if (!privateIncident) {
                throw new IllegalArgumentException(eventType + " is only sent for private incidents");
            }
            // WebhookPrivateResourceV2: the receiver must fetch the details with a key that may see them.
            return Json.object().put("id", followUpEvent ? followUp.path("id").asText() : incident.path("id").asText());
        }
        if (privateIncident) {
            throw new IllegalArgumentException(eventType + " is never sent for a private incident; use private_incident.*");
        }
        switch (eventType) {
            case "public_incident.incident_created_v2", "public_incident.incident_updated_v2":
                return webhookIncident(incident);
            case "public_incident.incident_status_updated_v2":
                return statusChange(incident);
            case "public_incident.follow_up_created_v2", "public_incident.follow_up_updated_v2":
                return followUp;
            case "public_incident.follow_up_created_v1", "public_incident.follow_up_updated_v1",
                    "public_incident.action_created_v1", "public_incident.action_updated_v1":
                return legacyAction(followUp);
            default:
                throw new IllegalArgumentException("the emulator does not build " + eventType + " events");
        }
    }

    private ObjectNode incident(String id) {
        return incidents.find(id).orElseThrow(() -> new IllegalArgumentException("no incident " + id));
    }

    /** WebhookIncidentV2: the incident plus its latest update message and related incidents. */
    private ObjectNode webhookIncident(ObjectNode incident) {
        incidents.latestUpdateMessage(incident.path("id").asText())
                .ifPresent(message -> incident.put("most_recent_update_message", message));
        incident.putArray("related_incidents");
        return incident;
    }

    /** IncidentWithStatusChangeV2: {incident, previous_status, new_status, message?}. */
    private ObjectNode statusChange(ObjectNode incident) {
        String id = incident.path("id").asText();
        ObjectNode previous = incidents.previousStatus(id).orElseThrow(() -> new IllegalArgumentException(
                "incident " + id + " has not changed status, so incident.io would not send a status update event"));
        ObjectNode payload = Json.object();
        payload.set("incident", incident);
        payload.set("previous_status", previous);
        payload.set("new_status", incident.path("incident_status").deepCopy());
        incidents.statusChangeMessage(id).ifPresent(message -> payload.put("message", message));
        return payload;
    }

    /** ActionV1, the legacy shape of the _v1 follow-up events. */
    private static ObjectNode legacyAction(ObjectNode followUp) {
        ObjectNode action = Json.object().put("id", followUp.path("id").asText())
                .put("incident_id", followUp.path("incident_id").asText())
                .put("status", followUp.path("status").asText()).put("follow_up", true)
                .put("description", followUp.path("title").asText());
        action.set("assignee", followUp.path("assignee").deepCopy());
        action.set("external_issue_reference", followUp.path("external_issue_reference").deepCopy());
        action.set("completed_at", followUp.path("completed_at").deepCopy());
        action.put("created_at", followUp.path("created_at").asText()).put("updated_at", followUp.path("updated_at").asText());
        return action;
    }
}
