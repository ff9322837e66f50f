package io.incidentbridge.incidentio;

import java.util.Set;

/** The incident.io webhook event types the bridge acts on (reference b.2); others are accepted and ignored. */
public final class IncidentIoEventTypes {
    public static final String INCIDENT_CREATED = "public_incident.incident_created_v2";
    public static final String INCIDENT_UPDATED = "public_incident.incident_updated_v2";
    public static final String INCIDENT_STATUS_UPDATED = "public_incident.incident_status_updated_v2";
    public static final String PRIVATE_INCIDENT_CREATED = "private_incident.incident_created_v2";
    public static final String PRIVATE_INCIDENT_UPDATED = "private_incident.incident_updated_v2";

    /** Payload is a follow-up (FollowUpV2, or the legacy ActionV1 for _v1) carrying its incident_id. */
    static final Set<String> FOLLOW_UP = Set.of(
            "public_incident.follow_up_created_v1", "public_incident.follow_up_updated_v1",
            "public_incident.follow_up_created_v2", "public_incident.follow_up_updated_v2");
    /** Payload is {id} of a follow-up on a private incident. */
    static final Set<String> PRIVATE_FOLLOW_UP = Set.of(
            "private_incident.follow_up_created_v1", "private_incident.follow_up_updated_v1",
            "private_incident.follow_up_created_v2", "private_incident.follow_up_updated_v2");
    /** Inbox key of a private follow-up until its incident is known. */
    public static final String FOLLOW_UP_KEY_PREFIX = "follow-up:";

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

    public static boolean followUp(String eventType) {
        return FOLLOW_UP.contains(eventType) || PRIVATE_FOLLOW_UP.contains(eventType);
    }

    public static boolean privateFollowUp(String eventType) {
        return PRIVATE_FOLLOW_UP.contains(eventType);
    }

    /** Carries (or names) the incident's own state, as opposed to a follow-up of it. */
    public static boolean incidentState(String eventType) {
        return FULL_INCIDENT.contains(eventType) || STATUS_CHANGE.contains(eventType) || ID_ONLY.contains(eventType);
    }
}
