package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Incidents as the API key may see them. A private incident is invisible to a key without
 * {@code global_access}: absent from lists and answered 404 by id, as if it did not exist, so that a key
 * cannot learn that a private incident is there. The same applies to its updates, follow-ups and attachments.
 */
final class VisibleIncidents {
    private final IncidentStore store;
    private final ApiKeyPolicy key;

    VisibleIncidents(IncidentStore store, ApiKeyPolicy key) {
        this.store = store;
        this.key = key;
    }

    ObjectNode get(String idOrNumber) {
        return store.find(idOrNumber).filter(this::visible)
                .orElseThrow(() -> ApiError.notFound("the incident " + idOrNumber));
    }

    List<ObjectNode> all() {
        return store.all().stream().filter(this::visible).toList();
    }

    /** For lists: the stored incidents, not copies; callers copy what they return. */
    List<ObjectNode> allUncopied() {
        return store.allUncopied().stream().filter(this::visible).toList();
    }

    boolean visible(JsonNode incident) {
        return !"private".equals(incident.path("visibility").asText()) || key.seesPrivateIncidents();
    }

    boolean visibleId(String incidentId) {
        return store.find(incidentId).filter(this::visible).isPresent();
    }
}
