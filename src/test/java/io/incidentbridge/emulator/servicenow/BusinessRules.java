package io.incidentbridge.emulator.servicenow;

import java.util.Map;
import java.util.Set;

/**
 * Server-side defaults, before-write rules per table and the after-write (async) callback rule. They run for every
 * write, through the Table API or the Java API alike ("Business rules apply consistently ... regardless of ... web
 * services", §6.5).
 */
final class BusinessRules {

    private final CallbackRule callbacks;

    BusinessRules(CallbackRule callbacks) {
        this.callbacks = callbacks;
    }

    void defaults(String table, Map<String, String> row, Actor actor, String now) {
        switch (table) {
            case "incident" -> IncidentRules.defaults(row, actor, now);
            case "task" -> TaskRules.defaults(row, actor, now);
            case "sys_user" -> {
                row.put("active", "true");
                row.put("locked_out", "false");
                row.put("password_needs_reset", "false");
                row.put("web_service_access_only", "false");
                row.put("internal_integration_user", "false");
            }
            case "sys_user_group" -> row.put("active", "true");
            case "cmdb_ci", "cmdb_ci_service" -> row.put("operational_status", "1");
            default -> {
            }
        }
    }

    void apply(String table, Map<String, String> before, Map<String, String> after, Set<String> written,
               Actor actor, String now) {
        switch (table) {
            case "incident" -> IncidentRules.apply(before, after, written, actor, now);
            case "task" -> TaskRules.apply(before, after, actor, now);
            default -> {
            }
        }
    }

    /** After-write rules see the record as the write stored it; async ones run once the write has returned. */
    void after(StoredRow stored, boolean inserted) {
        callbacks.afterWrite(stored, inserted);
    }
}
