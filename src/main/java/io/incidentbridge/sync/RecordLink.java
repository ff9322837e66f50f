package io.incidentbridge.sync;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * An incident.io object (an incident, or a follow-up) and the ServiceNow record it became, with the field
 * values last written there and the source's {@code updated_at} they came from.
 */
public record RecordLink(Kind kind, String sourceId, String sourceReference, String incidentId, String table, String sysId,
                         String number, Map<String, String> syncedFields, OffsetDateTime sourceUpdatedAt,
                         OffsetDateTime syncedAt, boolean pinned) {
    public enum Kind { INCIDENT, FOLLOW_UP }

    public RecordLink {
        syncedFields = Map.copyOf(syncedFields);
    }

    /** The same link after a change that left ServiceNow holding {@code fields} as of the source's {@code updatedAt}. */
    public RecordLink withSynced(Map<String, String> fields, OffsetDateTime updatedAt) {
        return new RecordLink(kind, sourceId, sourceReference, incidentId, table, sysId, number, fields, updatedAt, syncedAt, pinned);
    }

    public RecordLink pinnedNow() {
        return new RecordLink(kind, sourceId, sourceReference, incidentId, table, sysId, number, syncedFields,
                sourceUpdatedAt, syncedAt, true);
    }
}
