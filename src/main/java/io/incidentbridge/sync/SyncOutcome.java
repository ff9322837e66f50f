package io.incidentbridge.sync;

import java.util.Map;

/** What one sync did to ServiceNow. */
public record SyncOutcome(Action action, RecordLink link, Map<String, String> writtenFields) {
    public enum Action { CREATED, UPDATED, UNCHANGED, STALE }

    public SyncOutcome {
        writtenFields = Map.copyOf(writtenFields);
    }
}
