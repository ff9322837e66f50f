package io.incidentbridge.emulator.servicenow;

import java.util.Map;
import java.util.Set;

/**
 * The base-system incident business rules that matter to an integration (reference §5.2 and checklist §D):
 * priority lookup, incident_state mirroring, resolve/close stamps, active flag, reopen, caller-releases-hold.
 */
final class IncidentRules {

    private static final Set<String> RESOLVED_OR_CLOSED = Set.of("6", "7");
    private static final Set<String> INACTIVE_STATES = Set.of("7", "8");
    private static final Set<String> OPEN_STATES = Set.of("1", "2", "3");

    private IncidentRules() {
    }

    /** Values of a minimal incident insert (§1.6 capture: state 1, impact/urgency 3, priority 5, ...). */
    static void defaults(Map<String, String> row, Actor actor, String now) {
        TaskRules.commonDefaults(row, actor, now);
        row.put("state", "1");
        row.put("incident_state", "1");
        row.put("priority", "5");
        row.put("severity", "3");
        row.put("category", "inquiry");
        row.put("notify", "1");
        row.put("reopen_count", "0");
        row.put("child_incidents", "0");
    }

    static void apply(Map<String, String> before, Map<String, String> after, Set<String> written, Actor actor,
                      String now) {
        releaseCallerHold(before, after, written, actor);
        mirrorState(after, written);
        PriorityMatrix.priority(after.get("impact"), after.get("urgency")).ifPresent(p -> after.put("priority", p));
        String previous = before == null ? "" : before.get("state");
        String current = after.get("state");
        if (!current.equals(previous)) {
            transition(previous, current, after, actor, now);
        }
    }

    /** state and incident_state hold the same value in every capture; whichever the caller wrote wins. */
    private static void mirrorState(Map<String, String> row, Set<String> written) {
        if (written.contains("incident_state") && !written.contains("state")) {
            row.put("state", row.get("incident_state"));
        } else {
            row.put("incident_state", row.get("state"));
        }
    }

    /** "If the caller updates the incident, the On hold reason field is cleared and the state ... In Progress". */
    private static void releaseCallerHold(Map<String, String> before, Map<String, String> after,
                                          Set<String> written, Actor actor) {
        if (before != null && "3".equals(before.get("state")) && "1".equals(before.get("hold_reason"))
                && !written.contains("state") && actor.sysId().equals(after.get("caller_id"))) {
            after.put("state", "2");
            after.put("hold_reason", "");
        }
    }

    private static void transition(String previous, String current, Map<String, String> row, Actor actor,
                                   String now) {
        if (current.equals("6") || (current.equals("7") && row.get("resolved_at").isEmpty())) {
            row.put("resolved_at", now);
            row.put("resolved_by", actor.sysId());
        }
        if (current.equals("7")) {
            row.put("closed_at", now);
            row.put("closed_by", actor.sysId());
        }
        if (RESOLVED_OR_CLOSED.contains(previous) && OPEN_STATES.contains(current)) {
            row.put("reopen_count", String.valueOf(Integer.parseInt(row.get("reopen_count")) + 1));
            row.put("reopened_time", now);
            row.put("reopened_by", actor.sysId());
        }
        // mark_closed makes the incident inactive on Closed/Canceled; a reopen makes it active again (§5.2).
        row.put("active", String.valueOf(!INACTIVE_STATES.contains(current)));
    }
}
