package io.incidentbridge.ops;

import io.incidentbridge.mapping.MappingVersions;
import org.springframework.stereotype.Component;

/**
 * The mapping watch, on every tick: a file changed under mappings/ becomes a new version (a bad one is refused and
 * logged), and a version saved on any replica is put in force here.
 */
@Component
public class MappingWatcher {
    private final MappingVersions versions;

    public MappingWatcher(MappingVersions versions) {
        this.versions = versions;
    }

    public void reloadIfChanged() {
        versions.refresh();
    }
}
