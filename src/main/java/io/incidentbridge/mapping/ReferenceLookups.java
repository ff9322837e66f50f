package io.incidentbridge.mapping;

import java.util.Optional;

/**
 * Finds the ServiceNow record a mapping refers to, and back: what a reference a ServiceNow change holds names. Empty
 * means: not found (the mapping then applies its default, or leaves the value out).
 */
public interface ReferenceLookups {
    Optional<String> user(String email);

    Optional<String> group(String name);

    Optional<String> configurationItem(String name);

    /** The email of the sys_user with this sys_id. */
    Optional<String> userEmail(String sysId);

    /** The name of the sys_user_group with this sys_id. */
    Optional<String> groupName(String sysId);
}
