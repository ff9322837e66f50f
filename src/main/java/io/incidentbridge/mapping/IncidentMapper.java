package io.incidentbridge.mapping;

import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.errors.PermanentFailure;
import io.incidentbridge.sync.IncidentSnapshot;
import io.incidentbridge.sync.MappedIncident;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * incident.io incident -> ServiceNow incident fields, through the editable template. The bridge finds its
 * records by correlation_id, so the template must keep correlation_id and correlation_display as they are.
 */
@Component
public class IncidentMapper {
    private final MappingTemplates templates;
    private final String correlationDisplay;

    public IncidentMapper(MappingTemplates templates, BridgeProperties properties) {
        this.templates = templates;
        this.correlationDisplay = properties.servicenow().correlationDisplay();
    }

    public MappedIncident map(IncidentSnapshot snapshot) {
        MappingTemplate template = templates.incidentTemplate();
        Map<String, String> fields;
        try {
            fields = template.apply(snapshot.incident());
        } catch (MappingFailure e) {
            throw new PermanentFailure("mapping", e.getMessage(), e);
        }
        if (!snapshot.id().equals(fields.get("correlation_id")) || !correlationDisplay.equals(fields.get("correlation_display"))) {
            throw new PermanentFailure("mapping", template.source()
                    + ": the template must set correlation_id to the incident id and correlation_display to '" + correlationDisplay + "'");
        }
        return new MappedIncident(snapshot, fields);
    }
}
