package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Status updates posted during incidents (IncidentUpdateV2, reference b.3). Only the emulator's own API can add
 * one: incident.io's public API has no way to post an update (reference: "Read-only").
 */
final class IncidentUpdates {
    private final List<ObjectNode> updates = new CopyOnWriteArrayList<>();
    private final IncidentStore incidents;
    private final Organisation organisation;
    private final Ulids ids;

    IncidentUpdates(IncidentStore incidents, Organisation organisation, Ulids ids) {
        this.incidents = incidents;
        this.organisation = organisation;
        this.ids = ids;
    }

    /** Posts an update as the incident lead would in Slack; a non-null status name also moves the incident. */
    ObjectNode post(String incidentId, String message, String newStatusName) {
        ObjectNode status = newStatusName == null ? null : organisation.statusNamed(newStatusName);
        ObjectNode incident = incidents.postUpdate(incidentId, message, status);
        ObjectNode update = Json.object().put("id", ids.next()).put("incident_id", incident.path("id").asText())
                .put("message", message);
        update.set("new_incident_status", incident.path("incident_status").deepCopy());
        if (incident.path("severity").isObject()) {
            update.set("new_severity", incident.path("severity").deepCopy());
        }
        update.putObject("updater").set("user", updater(incident));
        update.put("created_at", incident.path("updated_at").asText());
        updates.add(update);
        return update.deepCopy();
    }

    /**
     * Records the update incident.io makes when an API key moves the incident's status through the API: no message,
     * the new status, and the key as the updater ({@code {"api_key": {"id", "name"}}}, ActorV2).
     */
    void statusChangedBy(ObjectNode incident, ObjectNode apiKey) {
        ObjectNode update = Json.object().put("id", ids.next()).put("incident_id", incident.path("id").asText());
        update.set("new_incident_status", incident.path("incident_status").deepCopy());
        if (incident.path("severity").isObject()) {
            update.set("new_severity", incident.path("severity").deepCopy());
        }
        update.putObject("updater").set("api_key", apiKey.deepCopy());
        update.put("created_at", incident.path("updated_at").asText());
        updates.add(update);
    }

    /** Newest first; all incidents when {@code incidentId} is null. */
    List<ObjectNode> list(String incidentId) {
        List<ObjectNode> matching = new ArrayList<>(updates.stream()
                .filter(u -> incidentId == null || u.path("incident_id").asText().equals(incidentId))
                .map(ObjectNode::deepCopy).toList());
        Collections.reverse(matching);
        return matching;
    }

    private static JsonNode updater(ObjectNode incident) {
        for (JsonNode assignment : incident.path("incident_role_assignments")) {
            if ("lead".equals(assignment.path("role").path("role_type").asText()) && assignment.has("assignee")) {
                return assignment.get("assignee").deepCopy();
            }
        }
        return incident.path("creator").path("user").deepCopy();
    }
}
