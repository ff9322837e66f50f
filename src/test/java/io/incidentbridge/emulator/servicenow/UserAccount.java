package io.incidentbridge.emulator.servicenow;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * Login and authorisation state of a sys_user: what ServiceNow keeps outside the readable columns
 * (password, roles, ACL grants). A null password means the user cannot log in at all.
 */
record UserAccount(String userName, String sysId, String password, Set<String> roles, TaskAcl taskAcl,
                   boolean locked, boolean passwordResetRequired) {

    UserAccount {
        roles = Set.copyOf(roles);
    }

    boolean hasAnyRole(String... wanted) {
        return roles.contains(Roles.ADMIN) || Arrays.stream(wanted).anyMatch(roles::contains);
    }

    boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    /** Locked-out users and users who must reset their password cannot log in (§B, §C). */
    boolean acceptsPassword(String candidate) {
        return password != null && Objects.equals(password, candidate) && !locked && !passwordResetRequired;
    }

    UserAccount withRoles(Set<String> newRoles) {
        return new UserAccount(userName, sysId, password, newRoles, taskAcl, locked, passwordResetRequired);
    }

    UserAccount withPassword(String newPassword) {
        return new UserAccount(userName, sysId, newPassword, roles, taskAcl, locked, passwordResetRequired);
    }

    UserAccount withTaskAcl(TaskAcl acl) {
        return new UserAccount(userName, sysId, password, roles, acl, locked, passwordResetRequired);
    }

    UserAccount withLocked(boolean value) {
        return new UserAccount(userName, sysId, password, roles, taskAcl, value, passwordResetRequired);
    }

    UserAccount withPasswordResetRequired(boolean value) {
        return new UserAccount(userName, sysId, password, roles, taskAcl, locked, value);
    }
}
