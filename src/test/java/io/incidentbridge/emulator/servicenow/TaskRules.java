package io.incidentbridge.emulator.servicenow;

import java.util.Map;
import java.util.Set;

/** Server-side behaviour shared by task and every table that extends it. */
final class TaskRules {

    /** task.state's close states; entering one makes the task inactive. */
    private static final Set<String> CLOSED_STATES = Set.of("3", "4", "7");

    private TaskRules() {
    }

    /** Defaults every new task-family record gets, per the minimal-insert capture in reference §1.6. */
    static void commonDefaults(Map<String, String> row, Actor actor, String now) {
        row.put("active", "true");
        row.put("approval", "not requested");
        row.put("escalation", "0");
        row.put("impact", "3");
        row.put("urgency", "3");
        row.put("knowledge", "false");
        row.put("made_sla", "true");
        row.put("upon_approval", "proceed");
        row.put("upon_reject", "cancel");
        row.put("reassignment_count", "0");
        row.put("sys_domain", "global");
        row.put("sys_domain_path", "/");
        row.put("opened_by", actor.sysId());
        row.put("opened_at", now);
    }

    static void defaults(Map<String, String> row, Actor actor, String now) {
        commonDefaults(row, actor, now);
        row.put("state", "1");
        row.put("priority", "4");
    }

    static void apply(Map<String, String> before, Map<String, String> after, Actor actor, String now) {
        String previous = before == null ? "" : before.get("state");
        if (previous.equals(after.get("state"))) {
            return;
        }
        boolean closed = CLOSED_STATES.contains(after.get("state"));
        after.put("active", String.valueOf(!closed));
        if (closed) {
            after.put("closed_at", now);
            after.put("closed_by", actor.sysId());
        }
    }
}
