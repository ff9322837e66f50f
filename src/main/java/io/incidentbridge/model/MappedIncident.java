package io.incidentbridge.model;

import java.util.Map;

/** An incident and the ServiceNow fields its mapping asks for. */
public record MappedIncident(IncidentSnapshot snapshot, Map<String, String> fields) {
    /** The exchange variable in which the forward route keeps it for the ServiceNow → incident.io route. */
    public static final String VARIABLE = "mappedIncident";

    public MappedIncident {
        fields = Map.copyOf(fields);
    }
}
