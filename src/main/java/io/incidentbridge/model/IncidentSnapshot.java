package io.incidentbridge.model;

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

    /** A private incident known only by id, because this bridge may not fetch private incidents. */
    public static IncidentSnapshot unfetchedPrivate(String id, JsonNode placeholder) {
        return new IncidentSnapshot(id, OffsetDateTime.MIN, placeholder);
    }
}
