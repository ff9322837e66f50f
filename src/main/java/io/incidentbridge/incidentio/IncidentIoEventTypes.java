package io.incidentbridge.incidentio;

import java.util.Set;

/** The incident.io webhook event types the bridge acts on (reference b.2); others are accepted and ignored. */
public final class IncidentIoEventTypes {
    public static final String INCIDENT_CREATED = "public_incident.incident_created_v2";
    public static final String INCIDENT_UPDATED = "public_incident.incident_updated_v2";
    public static final String INCIDENT_STATUS_UPDATED = "public_incident.incident_status_updated_v2";
    public static final String PRIVATE_INCIDENT_CREATED = "private_incident.incident_created_v2";
    public static final String PRIVATE_INCIDENT_UPDATED = "private_incident.incident_updated_v2";

    /** Payload is the whole incident. */
    static final Set<String> FULL_INCIDENT = Set.of(INCIDENT_CREATED, INCIDENT_UPDATED);
    /** Payload is {incident, previous_status, new_status}. */
    static final Set<String> STATUS_CHANGE = Set.of(INCIDENT_STATUS_UPDATED);
    /** Payload is {id} only: the incident must be fetched with a key allowed to see private incidents. */
    static final Set<String> ID_ONLY = Set.of(PRIVATE_INCIDENT_CREATED, PRIVATE_INCIDENT_UPDATED);

    private IncidentIoEventTypes() {
    }

    public static boolean idOnly(String eventType) {
        return ID_ONLY.contains(eventType);
    }
}
