package io.incidentbridge.emulator.servicenow;

import java.util.Set;

/** What it takes to create a user; a null sysId lets the emulator generate one. */
record UserSpec(String sysId, String userName, String password, String email, String name, Set<String> roles,
                TaskAcl taskAcl) {
}
