package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.Json;
import java.util.List;

/**
 * {@code GET /v2/incident_updates}, newest first, paginated (page_size at most 250). There is deliberately no
 * POST route: the public API cannot post an update, so a client that tries gets the router's 405.
 */
final class IncidentUpdateRoutes {
    private static final int MAX_PAGE_SIZE = 250;
    private final IncidentUpdates updates;
    private final VisibleIncidents visible;

    IncidentUpdateRoutes(IncidentUpdates updates, VisibleIncidents visible) {
        this.updates = updates;
        this.visible = visible;
    }

    void register(Router router) {
        router.add("GET", "/v2/incident_updates", this::list);
    }

    private ApiResponse list(ApiCall call) {
        int pageSize = CursorPage.pageSize(call, 25, MAX_PAGE_SIZE);
        String incidentId = call.queryParam("incident_id");
        List<ObjectNode> matching = updates.list(incidentId).stream()
                .filter(u -> visible.visibleId(u.path("incident_id").asText())).toList();
        CursorPage page = CursorPage.of(matching, true, call.queryParam("after"), pageSize);
        ObjectNode body = Json.object();
        body.set("incident_updates", Json.array(page.items()));
        body.set("pagination_meta", page.meta(pageSize, null));
        return ApiResponse.ok(body);
    }
}
