package io.incidentbridge.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Follow-up webhooks come in two shapes: FollowUpV2 (with a title) and the legacy ActionV1 of the _v1
 * events (no title; the description says what to do). Templates see one shape: FollowUpV2.
 */
final class FollowUpPayloads {
    private FollowUpPayloads() {
    }

    static JsonNode normalise(JsonNode payload) {
        if (payload.hasNonNull("title") || !payload.isObject()) {
            return payload;
        }
        ObjectNode copy = ((ObjectNode) payload).deepCopy();
        copy.put("title", payload.path("description").asText(""));
        return copy;
    }
}
