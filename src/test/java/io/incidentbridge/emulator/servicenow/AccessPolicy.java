package io.incidentbridge.emulator.servicenow;

import java.util.Map;

/**
 * Record ACLs, simplified to the roles an integration meets. admin passes everything. Reads that fail drop
 * rows silently (KB3047115, reference Addenda); writes that fail are 403 (§1.7). Tables not listed here are
 * admin-only for writes.
 */
final class AccessPolicy {

    boolean canRead(UserAccount user, String table, Map<String, String> row) {
        if (user.isAdmin()) {
            return true;
        }
        return switch (table) {
            // Callers see their own incidents without any role (base incident read ACL).
            case "incident" -> user.hasAnyRole(Roles.ITIL, Roles.INCIDENT_MANAGER)
                    || user.sysId().equals(row.get("caller_id")) || user.sysId().equals(row.get("opened_by"));
            case "task" -> user.hasAnyRole(Roles.ITIL) || user.taskAcl().read();
            case "sys_user" -> user.hasAnyRole(Roles.SN_CMDB_USER, Roles.ITIL) || user.sysId().equals(row.get("sys_id"));
            case "sys_user_group" -> user.hasAnyRole(Roles.SN_CMDB_USER, Roles.ITIL);
            case "cmdb_ci", "cmdb_ci_service" -> user.hasAnyRole(Roles.CMDB_READ);
            case "sys_journal_field" -> canRead(user, row.getOrDefault("name", ""), Map.of());
            default -> false;
        };
    }

    boolean canCreate(UserAccount user, String table) {
        return switch (table) {
            case "incident" -> user.hasAnyRole(Roles.ITIL, Roles.INCIDENT_MANAGER);
            case "task" -> user.hasAnyRole(Roles.ITIL) || user.taskAcl().create();
            default -> user.isAdmin();
        };
    }

    /** Delete follows write (the emulator does not model a separate delete ACL). */
    boolean canWrite(UserAccount user, String table) {
        return switch (table) {
            case "incident" -> user.hasAnyRole(Roles.ITIL, Roles.INCIDENT_MANAGER);
            case "task" -> user.hasAnyRole(Roles.ITIL) || user.taskAcl().write();
            default -> user.isAdmin();
        };
    }
}
