package io.incidentbridge.model;

import java.util.Map;

/** An incident and the ServiceNow fields its mapping asks for. */
public record MappedIncident(IncidentSnapshot snapshot, Map<String, String> fields) {
    public MappedIncident {
        fields = Map.copyOf(fields);
    }
}
