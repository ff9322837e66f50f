package io.incidentbridge.sync;

import java.util.Map;

/**
 * What one sync did to ServiceNow. {@code serviceNowAhead}: ServiceNow holds a change of an owned field that wins over
 * incident.io's (so it was not overwritten) and that incident.io is still to take.
 */
public record SyncOutcome(Action action, RecordLink link, Map<String, String> writtenFields, boolean serviceNowAhead) {
    public enum Action { CREATED, UPDATED, UNCHANGED, STALE }

    public SyncOutcome {
        writtenFields = Map.copyOf(writtenFields);
    }

    public SyncOutcome(Action action, RecordLink link, Map<String, String> writtenFields) {
        this(action, link, writtenFields, false);
    }
}
