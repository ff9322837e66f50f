package io.incidentbridge.mapping;

import java.util.Optional;

/** Finds the ServiceNow record a mapping refers to. Empty means: not found (the mapping then applies its default). */
public interface ReferenceLookups {
    Optional<String> user(String email);

    Optional<String> group(String name);

    Optional<String> configurationItem(String name);
}
