package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Links pinned on incidents (IncidentAttachmentV1: {id, incident_id, resource}), in the order they were made. */
final class Attachments {
    private final List<ObjectNode> attachments = new CopyOnWriteArrayList<>();

    ObjectNode add(ObjectNode attachment) {
        attachments.add(attachment);
        return attachment.deepCopy();
    }

    List<ObjectNode> forIncident(String incidentId) {
        return attachments.stream().filter(a -> a.path("incident_id").asText().equals(incidentId))
                .map(ObjectNode::deepCopy).toList();
    }

    List<ObjectNode> forResource(String externalId, String resourceType) {
        return attachments.stream()
                .filter(a -> a.path("resource").path("external_id").asText().equals(externalId)
                        && a.path("resource").path("resource_type").asText().equals(resourceType))
                .map(ObjectNode::deepCopy).toList();
    }

    boolean remove(String id) {
        return attachments.removeIf(a -> a.path("id").asText().equals(id));
    }

    List<ObjectNode> all() {
        return attachments.stream().map(ObjectNode::deepCopy).toList();
    }
}
