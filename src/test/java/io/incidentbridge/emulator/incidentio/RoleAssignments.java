package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.Json;
import java.util.Optional;

/**
 * Applies the edit action's {@code incident_role_assignments}: {@code [{incident_role_id, assignee:{id|email|
 * slack_user_id}}]} (reference b.4). A missing assignee leaves the role unassigned.
 */
final class RoleAssignments {
    private final Organisation organisation;

    RoleAssignments(Organisation organisation) {
        this.organisation = organisation;
    }

    void apply(ObjectNode incident, JsonNode payload) {
        if (!payload.isArray()) {
            throw ApiError.invalid("incident_role_assignments", "incident_role_assignments must be a list");
        }
        for (int i = 0; i < payload.size(); i++) {
            String where = "incident_role_assignments[" + i + "]";
            JsonNode item = payload.get(i);
            String roleId = Json.text(item, "incident_role_id");
            if (roleId == null) {
                throw ApiError.required(where + ".incident_role_id");
            }
            ObjectNode assignment = assignmentFor(incident, roleId)
                    .orElseThrow(() -> ApiError.invalid(where + ".incident_role_id", "no incident role " + roleId));
            JsonNode assignee = item.get("assignee");
            if (assignee == null || assignee.isNull()) {
                assignment.remove("assignee");
            } else {
                assignment.set("assignee", user(assignee, where + ".assignee"));
            }
        }
    }

    private ObjectNode user(JsonNode assignee, String where) {
        for (String field : new String[] {"id", "email", "slack_user_id"}) {
            String value = Json.text(assignee, field);
            if (value != null) {
                return organisation.user(field, value)
                        .orElseThrow(() -> ApiError.invalid(where + "." + field, "no user with " + field + " " + value));
            }
        }
        throw ApiError.invalid(where, "an assignee needs an id, email or slack_user_id");
    }

    private Optional<ObjectNode> assignmentFor(ObjectNode incident, String roleId) {
        ArrayNode assignments = (ArrayNode) incident.path("incident_role_assignments");
        for (JsonNode assignment : assignments) {
            if (assignment.path("role").path("id").asText().equals(roleId)) {
                return Optional.of((ObjectNode) assignment);
            }
        }
        return Optional.empty();
    }
}
