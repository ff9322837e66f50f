package io.incidentbridge.model;

import io.incidentbridge.errors.FailureKind;
import io.incidentbridge.errors.PermanentFailure;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/** An incident.io incident as of {@code updatedAt}: the state the sync brings ServiceNow in line with. */
public record IncidentSnapshot(String id, OffsetDateTime updatedAt, JsonNode incident) {

    public String reference() {
        return incident.path("reference").asText("");
    }

    public boolean newerThan(IncidentSnapshot other) {
        return other == null || updatedAt.isAfter(other.updatedAt);
    }

    /**
     * The incident as incident.io answers it (an API read or a webhook's payload), as of its {@code updated_at}; one
     * without an id is a bad event, never retried.
     */
    public static IncidentSnapshot of(JsonNode incident) {
        String id = incident.path("id").asText("");
        if (id.isEmpty()) {
            throw new PermanentFailure(FailureKind.BAD_EVENT, "incident without an id");
        }
        return new IncidentSnapshot(id, OffsetDateTime.parse(incident.path("updated_at").asText()), incident);
    }

    /** A private incident known only by id, because this bridge may not fetch private incidents. */
    public static IncidentSnapshot unfetchedPrivate(String id, JsonNode placeholder) {
        return new IncidentSnapshot(id, OffsetDateTime.MIN, placeholder);
    }
}
