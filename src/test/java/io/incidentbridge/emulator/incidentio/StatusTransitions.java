package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The status moves the edit action accepts. incident.io's description of {@code incident_status_id} lists them:
 * moves within one category; resolving from active/triage to a post-incident or closed status; closing from a
 * post-incident status. A post-incident status must belong to the flow that applies to the incident; resolving
 * straight to closed needs the key's "Close incidents by opting out of post-incident flow" permission. Paused
 * counts as active here, and a post-incident incident may be reopened to an active status. Moves the
 * description does not mention (triage to live, live to paused, anything out of closed) are refused unless a
 * test allows them, because whether incident.io takes them is not documented.
 */
final class StatusTransitions {
    private static final Set<String> ACTIVE = Set.of("triage", "live", "paused");
    private final Organisation organisation;
    private final ApiKeyPolicy key;
    private final Set<String> alsoAllowed = ConcurrentHashMap.newKeySet();

    StatusTransitions(Organisation organisation, ApiKeyPolicy key) {
        this.organisation = organisation;
        this.key = key;
    }

    void allow(String fromCategory, String toCategory) {
        alsoAllowed.add(fromCategory + ">" + toCategory);
    }

    /** Throws a 422 when {@code incident} may not move to {@code target}. */
    void check(JsonNode incident, ObjectNode target) {
        JsonNode current = incident.path("incident_status");
        if (current.path("id").asText().equals(target.path("id").asText())) {
            return;
        }
        String from = current.path("category").asText();
        String to = target.path("category").asText();
        if (!allowed(from, to)) {
            throw ApiError.invalid("incident_status_id", "An incident cannot move from the " + from + " status '"
                    + current.path("name").asText() + "' to the " + to + " status '" + target.path("name").asText()
                    + "' through the API. Allowed: moves within a category, resolving from triage/active to "
                    + "post-incident or closed, closing from post-incident, reopening from post-incident.");
        }
        if (to.equals("learning")) {
            PostIncidentFlow flow = organisation.flowFor(incident);
            if (!flow.statusIds().contains(target.path("id").asText())) {
                throw ApiError.invalid("incident_status_id", "The status '" + target.path("name").asText()
                        + "' does not belong to the post-incident flow that applies to this incident ('"
                        + flow.name() + "').");
            }
        }
        if (to.equals("closed") && ACTIVE.contains(from) && !key.mayCloseWithoutPostIncident()) {
            throw ApiError.invalid("incident_status_id", "Resolving straight to a closed status skips the "
                    + "post-incident flow, which needs the API key permission 'Close incidents by opting out of "
                    + "post-incident flow'. Move the incident to a post-incident status instead.");
        }
    }

    private boolean allowed(String from, String to) {
        return from.equals(to)
                || ACTIVE.contains(from) && (to.equals("learning") || to.equals("closed"))
                || from.equals("learning") && (to.equals("closed") || to.equals("live"))
                || alsoAllowed.contains(from + ">" + to);
    }
}
