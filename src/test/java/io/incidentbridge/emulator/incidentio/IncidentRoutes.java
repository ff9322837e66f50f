package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.Json;
import java.util.Comparator;
import java.util.List;

/** {@code GET /v2/incidents}, {@code GET /v2/incidents/{id}} and {@code POST /v2/incidents/{id}/actions/edit}. */
final class IncidentRoutes {
    /** "default 25"; the schema says 500 but the description "maximum page size that can be requested is 250". */
    private static final int DEFAULT_PAGE_SIZE = 25;
    private static final int MAX_PAGE_SIZE = 250;
    private final IncidentStore store;
    private final VisibleIncidents visible;
    private final Organisation organisation;
    private final IncidentEdit edit;
    private final IncidentUpdates updates;
    private final ApiKeyPolicy key;

    IncidentRoutes(IncidentStore store, VisibleIncidents visible, Organisation organisation, IncidentEdit edit,
                   IncidentUpdates updates, ApiKeyPolicy key) {
        this.store = store;
        this.visible = visible;
        this.organisation = organisation;
        this.edit = edit;
        this.updates = updates;
        this.key = key;
    }

    void register(Router router) {
        router.add("GET", "/v2/incidents", this::list)
                .add("GET", "/v2/incidents/{id}", call -> ApiResponse.ok(wrap(visible.get(call.pathParam(0)))))
                .add("POST", "/v2/incidents/{id}/actions/edit", this::edit);
    }

    private ApiResponse list(ApiCall call) {
        int pageSize = CursorPage.pageSize(call, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        boolean newestFirst = newestFirst(call.queryParam("sort_by"));
        IncidentFilters filters = IncidentFilters.parse(call.query(), organisation);
        Comparator<ObjectNode> byCreation = Comparator.comparing(i -> i.path("id").asText());
        List<ObjectNode> matching = visible.allUncopied().stream().filter(filters::matches)
                .sorted(newestFirst ? byCreation.reversed() : byCreation).toList();
        CursorPage page = CursorPage.of(matching, newestFirst, call.queryParam("after"), pageSize);
        ObjectNode body = Json.object();
        body.set("incidents", Json.array(page.items().stream().map(i -> store.shown(i.deepCopy())).toList()));
        body.set("pagination_meta", page.meta(pageSize, matching.size()));
        return ApiResponse.ok(body);
    }

    private ApiResponse edit(ApiCall call) {
        JsonNode changes = IncidentEdit.changes(call.jsonBody());
        ObjectNode before = visible.get(call.pathParam(0));
        ObjectNode after = store.change(before.path("id").asText(), incident -> edit.apply(incident, changes), false);
        if (!after.path("incident_status").path("id").equals(before.path("incident_status").path("id"))) {
            // incident.io records a status change as an incident update, made by the key that asked for it.
            updates.statusChangedBy(after, key.actor());
        }
        return ApiResponse.ok(wrap(after));
    }

    private static boolean newestFirst(String sortBy) {
        if (sortBy == null || sortBy.equals("created_at_newest_first")) {
            return true;
        }
        if (sortBy.equals("created_at_oldest_first")) {
            return false;
        }
        throw ApiError.invalid("sort_by", "sort_by must be created_at_newest_first or created_at_oldest_first");
    }

    private static ObjectNode wrap(ObjectNode incident) {
        ObjectNode body = Json.object();
        body.set("incident", incident);
        return body;
    }
}
