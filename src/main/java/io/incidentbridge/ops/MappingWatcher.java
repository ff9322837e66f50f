package io.incidentbridge.ops;

import io.incidentbridge.mapping.MappingFailure;
import io.incidentbridge.mapping.MappingTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Hot reload: when a file under mappings/ changes, the templates are reloaded; a bad one is refused and logged. */
@Component
public class MappingWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(MappingWatcher.class);
    private final MappingTemplates templates;

    public MappingWatcher(MappingTemplates templates) {
        this.templates = templates;
    }

    public void reloadIfChanged() {
        try {
            if (templates.reloadIfChanged()) {
                LOG.info("Mapping templates reloaded from the changed files");
            }
        } catch (MappingFailure refused) {
            LOG.error("Mapping change refused, the previous templates stay in force: {}", refused.getMessage());
        }
    }
}
