package io.incidentbridge.sync;

import java.time.OffsetDateTime;
import java.util.Map;

/** An incident.io incident, the ServiceNow record it became, and the field values last written there. */
public record IncidentLink(String incidentId, String incidentReference, String table, String sysId, String number,
                           Map<String, String> syncedFields, OffsetDateTime incidentUpdatedAt,
                           OffsetDateTime syncedAt, boolean pinned) {
    public IncidentLink {
        syncedFields = Map.copyOf(syncedFields);
    }

    public IncidentLink pinnedNow() {
        return new IncidentLink(incidentId, incidentReference, table, sysId, number, syncedFields, incidentUpdatedAt, syncedAt, true);
    }
}
