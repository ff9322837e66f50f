package io.incidentbridge.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.errors.FailureKind;
import io.incidentbridge.errors.PermanentFailure;
import io.incidentbridge.model.IncidentSnapshot;
import io.incidentbridge.model.MappedIncident;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * incident.io incident -> ServiceNow incident fields, through the editable template. The bridge finds its
 * records by correlation_id, so the template must keep correlation_id and correlation_display as they are.
 * The template sees the summary without the ServiceNow notes section ({@link SummaryNotesSection}): the section is
 * ServiceNow's own notes shown back in incident.io, so it must never reach ServiceNow (description, close notes),
 * and a new note there is no change to write. That holds for every template an admin writes, which is why it is done
 * here rather than in the template.
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
            fields = template.apply(withoutNotesSection(snapshot.incident()));
        } catch (MappingFailure e) {
            throw new PermanentFailure(FailureKind.MAPPING, e.getMessage(), e);
        }
        if (!snapshot.id().equals(fields.get("correlation_id")) || !correlationDisplay.equals(fields.get("correlation_display"))) {
            throw new PermanentFailure(FailureKind.MAPPING, template.source()
                    + ": the template must set correlation_id to the incident id and correlation_display to '" + correlationDisplay + "'");
        }
        return new MappedIncident(snapshot, fields);
    }

    /** The incident with only the responder's text as its summary (none, when the section was all there was). */
    static JsonNode withoutNotesSection(JsonNode incident) {
        String summary = incident.path("summary").asText(null);
        if (!SummaryNotesSection.present(summary)) {
            return incident;
        }
        ObjectNode copy = incident.deepCopy();
        String text = SummaryNotesSection.responderText(summary);
        if (text.isBlank()) {
            copy.putNull("summary");
        } else {
            copy.put("summary", text);
        }
        return copy;
    }
}
