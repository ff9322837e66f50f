package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.Json;
import java.util.List;

/**
 * Follow-ups v2 (reference b.4): list by incident (not paginated), show, create, update (PUT: {@code title} and
 * {@code status} required, {@code deleted} refused: "use the delete endpoint instead"), delete, and connecting
 * an external issue, which "will not work if the follow-up is already connected".
 */
final class FollowUpRoutes {
    private final FollowUps followUps;
    private final VisibleIncidents visible;
    private final Organisation organisation;
    private final ExternalIssues externalIssues = new ExternalIssues();

    FollowUpRoutes(FollowUps followUps, VisibleIncidents visible, Organisation organisation) {
        this.followUps = followUps;
        this.visible = visible;
        this.organisation = organisation;
    }

    void register(Router router) {
        router.add("GET", "/v2/follow_ups", this::list)
                .add("POST", "/v2/follow_ups", this::create)
                .add("GET", "/v2/follow_ups/{id}", call -> wrap(200, visibleFollowUp(call.pathParam(0))))
                .add("PUT", "/v2/follow_ups/{id}", this::update)
                .add("DELETE", "/v2/follow_ups/{id}", this::delete)
                .add("POST", "/v2/follow_ups/{id}/actions/connect_external_issue", this::connect);
    }

    private ApiResponse list(ApiCall call) {
        String incidentId = call.queryParam("incident_id");
        String incidentMode = call.queryParam("incident_mode");
        String wantedIncident = incidentId == null || !visible.visibleId(incidentId) ? incidentId
                : visible.get(incidentId).path("id").asText();
        List<ObjectNode> found = followUps.all().stream()
                .filter(f -> wantedIncident == null || f.path("incident_id").asText().equals(wantedIncident))
                .filter(f -> visible.visibleId(f.path("incident_id").asText()))
                .filter(f -> incidentMode == null
                        || visible.get(f.path("incident_id").asText()).path("mode").asText().equals(incidentMode))
                .toList();
        ObjectNode body = Json.object();
        body.set("follow_ups", Json.array(found));
        return ApiResponse.ok(body);
    }

    private ApiResponse create(ApiCall call) {
        JsonNode body = call.jsonBody();
        String incidentId = Json.text(body, "incident_id");
        if (incidentId == null) {
            throw ApiError.required("incident_id");
        }
        String title = title(body);
        ObjectNode assignee = assignee(body);
        String id = visible.get(incidentId).path("id").asText();
        ObjectNode creator = organisation.users().get(0);
        return wrap(201, followUps.create(id, creator, title, Json.text(body, "description"), assignee));
    }

    private ApiResponse update(ApiCall call) {
        JsonNode body = call.jsonBody();
        String title = title(body);
        String status = Json.text(body, "status");
        if (status == null) {
            throw ApiError.required("status");
        }
        if (status.equals("deleted")) {
            throw ApiError.invalid("status", "Setting status to deleted is not allowed; use the delete endpoint instead.");
        }
        if (!List.of("outstanding", "completed", "not_doing").contains(status)) {
            throw ApiError.invalid("status", "status must be outstanding, completed or not_doing");
        }
        boolean reassign = body.has("assignee_id");
        ObjectNode assignee = reassign ? assignee(body) : null;
        String id = visibleFollowUp(call.pathParam(0)).path("id").asText();
        return wrap(200, followUps.change(id, f -> {
            f.put("title", title).put("status", status);
            if (body.has("description")) {
                f.put("description", Json.text(body, "description"));
            }
            if (reassign) {
                f.set("assignee", assignee);
            }
            if (body.path("labels").isArray()) {
                f.set("labels", body.get("labels").deepCopy());
            }
        }, false));
    }

    private ApiResponse delete(ApiCall call) {
        String id = visibleFollowUp(call.pathParam(0)).path("id").asText();
        followUps.change(id, f -> f.put("status", "deleted"), false);
        return ApiResponse.noContent();
    }

    private ApiResponse connect(ApiCall call) {
        JsonNode body = call.jsonBody();
        ObjectNode reference = externalIssues.reference(body);
        ObjectNode followUp = visibleFollowUp(call.pathParam(0));
        return wrap(200, followUps.change(followUp.path("id").asText(), f -> {
            if (f.path("external_issue_reference").isObject()) {
                throw ApiError.invalid("id", "This follow-up is already connected to an external issue ("
                        + f.path("external_issue_reference").path("issue_permalink").asText() + ").");
            }
            f.set("external_issue_reference", reference);
        }, false));
    }

    private ObjectNode visibleFollowUp(String id) {
        return followUps.find(id).filter(f -> visible.visibleId(f.path("incident_id").asText()))
                .orElseThrow(() -> ApiError.notFound("the follow-up " + id));
    }

    private static String title(JsonNode body) {
        String title = Json.text(body, "title");
        if (title == null || title.isBlank()) {
            throw ApiError.required("title");
        }
        return title;
    }

    /** {@code assignee_id}: a user id, or null to unassign. */
    private ObjectNode assignee(JsonNode body) {
        String assigneeId = Json.text(body, "assignee_id");
        return assigneeId == null ? null : organisation.user("id", assigneeId)
                .orElseThrow(() -> ApiError.invalid("assignee_id", "no user with id " + assigneeId));
    }

    private static ApiResponse wrap(int status, ObjectNode followUp) {
        ObjectNode body = Json.object();
        body.set("follow_up", followUp);
        return new ApiResponse(status, body);
    }
}
