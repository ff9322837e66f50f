package io.incidentbridge.emulator.incidentio;

import java.util.List;

/**
 * A post-incident flow and the learning statuses that belong to it. incident.io picks the flow that applies
 * to an incident "based on its severity, incident type, and other properties" and refuses a post-incident
 * status from another flow (edit action, {@code incident_status_id}). Here a flow applies to one severity,
 * or, with no severity, to every incident no other flow claims.
 */
record PostIncidentFlow(String id, String name, String severityId, List<String> statusIds) {

    boolean isDefault() {
        return severityId == null;
    }
}
