package io.incidentbridge.sync;

import java.time.OffsetDateTime;

/**
 * Which incident.io object a ServiceNow write is for, and as of when. With {@code compareWithServiceNow} the
 * diff is against the record as ServiceNow holds it now (a "sync now" repairs edits made behind the bridge's back).
 */
public record SourceState(RecordLink.Kind kind, String id, String reference, String incidentId, OffsetDateTime updatedAt,
                          boolean compareWithServiceNow) {
    /** The usual case: the diff is against what the bridge last wrote. */
    public SourceState(RecordLink.Kind kind, String id, String reference, String incidentId, OffsetDateTime updatedAt) {
        this(kind, id, reference, incidentId, updatedAt, false);
    }
}
