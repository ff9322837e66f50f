package io.incidentbridge.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.errors.FailureKind;
import io.incidentbridge.errors.PermanentFailure;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * ServiceNow changes -> incident.io, through the editable templates: an incident change to its incident.io side
 * (servicenow-to-incident.jslt), a task change to a follow-up status (task-to-follow-up.jslt). Journal entries by the
 * integration user are the bridge's own notes from incident.io and are taken out before a template sees the change.
 */
@Component
public class ServiceNowChangeMapper {
    private final MappingTemplates templates;
    private final ObjectMapper json;
    private final String integrationUser;

    public ServiceNowChangeMapper(MappingTemplates templates, ObjectMapper json, BridgeProperties properties) {
        this.templates = templates;
        this.json = json;
        this.integrationUser = properties.servicenow().username();
    }

    /** The incident.io side of an incident change as a callback or a poll brings it. */
    public IncidentSide incident(JsonNode change) {
        ObjectNode document = change.deepCopy();
        ArrayNode journal = document.putArray("journal");
        for (JsonNode entry : change.path("journal")) {
            if (!integrationUser.equals(entry.path("sys_created_by").asText())) {
                journal.add(entry);
            }
        }
        MappingTemplate template = templates.serviceNowIncidentTemplate();
        try {
            return IncidentSide.of(template, template.applyTree(document));
        } catch (MappingFailure e) {
            throw new PermanentFailure(FailureKind.MAPPING, e.getMessage(), e);
        }
    }

    /** What the template makes of these values of a record alone, without notes: the record in incident.io's terms. */
    public IncidentSide incident(String table, Map<String, String> values) {
        return incident(document(table, values));
    }

    /** The follow-up status the template gives for these task values, if any. */
    public Optional<String> followUpStatus(Map<String, String> values) {
        MappingTemplate template = templates.serviceNowTaskTemplate();
        try {
            return Optional.ofNullable(template.apply(document("task", values)).get("status"));
        } catch (MappingFailure e) {
            throw new PermanentFailure(FailureKind.MAPPING, e.getMessage(), e);
        }
    }

    private ObjectNode document(String table, Map<String, String> values) {
        ObjectNode document = json.createObjectNode().put("table", table);
        ObjectNode fields = document.putObject("values");
        values.forEach(fields::put);
        document.putArray("journal");
        return document;
    }
}
