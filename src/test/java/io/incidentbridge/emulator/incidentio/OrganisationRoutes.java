package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.Json;
import java.util.List;

/**
 * The organisation's settings as the API shows them: identity, statuses, severities, incident types, roles,
 * custom fields and users (reference b.4). Statuses come ranked, as incident.io lists them.
 */
final class OrganisationRoutes {
    private static final int MAX_USERS_PAGE = 10_000;
    private final Organisation organisation;
    private final ApiKeyPolicy key;

    OrganisationRoutes(Organisation organisation, ApiKeyPolicy key) {
        this.organisation = organisation;
        this.key = key;
    }

    void register(Router router) {
        router.add("GET", "/v1/identity", call -> ApiResponse.ok(identity()))
                .add("GET", "/v1/incident_statuses", call -> list("incident_statuses", organisation.statuses()))
                .add("GET", "/v1/severities", call -> list("severities", organisation.severities()))
                .add("GET", "/v1/incident_types", call -> list("incident_types", List.of(organisation.incidentType())))
                .add("GET", "/v2/incident_roles", call -> list("incident_roles", organisation.roles()))
                .add("GET", "/v2/custom_fields", call -> list("custom_fields", organisation.customFields()))
                .add("GET", "/v2/users", this::users);
    }

    private ObjectNode identity() {
        ObjectNode identity = Json.object().put("name", ApiKeyPolicy.KEY_NAME)
                .put("dashboard_url", "https://app.incident.io/" + organisation.slug() + "/dashboard");
        key.roles().forEach(identity.putArray("roles")::add);
        identity.putArray("team_roles");
        identity.putArray("teams");
        ObjectNode body = Json.object();
        body.set("identity", identity);
        return body;
    }

    private ApiResponse users(ApiCall call) {
        int pageSize = CursorPage.pageSize(call, 25, MAX_USERS_PAGE);
        String email = call.queryParam("email");
        String slackUserId = call.queryParam("slack_user_id");
        List<ObjectNode> matching = organisation.users().stream()
                .filter(u -> email == null || u.path("email").asText().equalsIgnoreCase(email))
                .filter(u -> slackUserId == null || u.path("slack_user_id").asText().equals(slackUserId))
                .toList();
        CursorPage page = CursorPage.of(matching, false, call.queryParam("after"), pageSize);
        ObjectNode body = Json.object();
        body.set("users", Json.array(page.items()));
        body.set("pagination_meta", page.meta(pageSize, null));
        return ApiResponse.ok(body);
    }

    private static ApiResponse list(String name, List<ObjectNode> items) {
        ObjectNode body = Json.object();
        body.set(name, Json.array(items));
        return ApiResponse.ok(body);
    }
}
