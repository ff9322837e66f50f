package io.incidentbridge.emulator.servicenow;

import java.util.Map;
import java.util.Optional;

/**
 * Base "Priority Lookup Rules" (reference §5.2, def-prio-lookup-rules.md): impact x urgency -> priority.
 * Impact/urgency outside 1-3 match no rule, and the priority is left as it was.
 */
final class PriorityMatrix {

    private static final Map<String, String> RULES = Map.of(
            "1/1", "1", "1/2", "2", "1/3", "3",
            "2/1", "2", "2/2", "3", "2/3", "4",
            "3/1", "3", "3/2", "4", "3/3", "5");

    private PriorityMatrix() {
    }

    static Optional<String> priority(String impact, String urgency) {
        return Optional.ofNullable(RULES.get(impact + "/" + urgency));
    }
}
