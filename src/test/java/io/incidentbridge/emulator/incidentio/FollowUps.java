package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Follow-ups as FollowUpV2 JSON (reference b.3). Like incidents, a change is applied to a copy and committed
 * with a strictly later {@code updated_at}, or not at all.
 */
final class FollowUps {
    private final Map<String, ObjectNode> byId = new LinkedHashMap<>();
    private final Ulids ids;
    private final MicrosClock clock;

    FollowUps(Ulids ids, MicrosClock clock) {
        this.ids = ids;
        this.clock = clock;
    }

    synchronized ObjectNode create(String incidentId, ObjectNode creator, String title, String description,
                                   ObjectNode assignee) {
        String now = clock.next();
        ObjectNode followUp = Json.object().put("id", ids.next()).put("incident_id", incidentId);
        followUp.putObject("creator").set("user", creator);
        followUp.put("title", title).put("description", description).put("status", "outstanding");
        followUp.putArray("labels");
        followUp.set("assignee", assignee);
        followUp.putNull("priority");
        followUp.putNull("external_issue_reference");
        followUp.putNull("completed_at");
        followUp.put("created_at", now).put("updated_at", now);
        byId.put(followUp.path("id").asText(), followUp);
        return followUp.deepCopy();
    }

    synchronized Optional<ObjectNode> find(String id) {
        return Optional.ofNullable(byId.get(id)).map(ObjectNode::deepCopy);
    }

    synchronized List<ObjectNode> all() {
        List<ObjectNode> copies = new ArrayList<>();
        byId.values().forEach(f -> copies.add(f.deepCopy()));
        return copies;
    }

    /**
     * Applies {@code change} to a copy and commits it when it differs (or {@code alwaysBump}); {@code completed_at}
     * follows the status. An exception from {@code change} leaves the follow-up untouched.
     */
    synchronized ObjectNode change(String id, Consumer<ObjectNode> change, boolean alwaysBump) {
        ObjectNode before = Optional.ofNullable(byId.get(id))
                .orElseThrow(() -> new IllegalArgumentException("no follow-up " + id));
        ObjectNode after = before.deepCopy();
        change.accept(after);
        after.put("updated_at", before.path("updated_at").asText());
        if (!alwaysBump && after.equals(before)) {
            return before.deepCopy();
        }
        String now = clock.next();
        after.put("updated_at", now);
        if (after.path("status").asText().equals("completed") && !before.path("status").asText().equals("completed")) {
            after.put("completed_at", now);
        } else if (!after.path("status").asText().equals("completed")) {
            after.putNull("completed_at");
        }
        byId.put(id, after);
        return after.deepCopy();
    }
}
