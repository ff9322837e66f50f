package io.incidentbridge.sync;

import java.time.OffsetDateTime;

/** Which incident.io object a ServiceNow write is for, and as of when. */
public record SourceState(RecordLink.Kind kind, String id, String reference, String incidentId, OffsetDateTime updatedAt) {
}
