package io.incidentbridge.inbox;

import java.util.List;

/**
 * The work unit behind the inbox: one incident and every pending event for it, claimed by this replica.
 * Processing all of them at once is what collapses a burst of updates into one write.
 */
public record ClaimedIncident(String incidentKey, List<StoredEvent> events) {
    /** The source of events an operator put into the inbox. */
    public static final String OPERATOR = "operator";

    public ClaimedIncident {
        events = List.copyOf(events);
    }

    public List<Long> eventIds() {
        return events.stream().map(StoredEvent::id).toList();
    }

    /** Events of a private follow-up, whose incident is not known yet. */
    public boolean isKeyedByFollowUp() {
        return incidentKey.startsWith(io.incidentbridge.incidentio.IncidentIoEventTypes.FOLLOW_UP_KEY_PREFIX);
    }

    /** An operator asked for this sync ("sync now", a replay): compare with ServiceNow as it is, not as last written. */
    public boolean requestedByOperator() {
        return events.stream().anyMatch(e -> OPERATOR.equals(e.source()));
    }

    public int attempts() {
        return events.stream().mapToInt(StoredEvent::attempts).max().orElse(0);
    }
}
