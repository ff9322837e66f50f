package io.incidentbridge.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Runs each template once on a sample incident, follow-up, update and ServiceNow change, so a template that compiles
 * but cannot work (it drops the correlation fields, or produces something of the wrong shape) is refused before it is used.
 */
final class MappingSelfCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MappingSelfCheck() {
    }

    static void check(MappingTemplates.Loaded templates) {
        MappingTemplate incident = templates.incident();
        MappingTemplate followUp = templates.followUp();
        MappingTemplate note = templates.note();
        JsonNode samples = samples();
        JsonNode sampleIncident = samples.path("incident");
        Map<String, String> fields = incident.apply(sampleIncident);
        require(incident, sampleIncident.path("id").asText().equals(fields.get("correlation_id")),
                "correlation_id must be the incident id (.id)");
        require(incident, fields.containsKey("correlation_display"), "correlation_display must be set");
        JsonNode parent = JSON.createObjectNode().put("sys_id", "0123456789abcdef0123456789abcdef").put("number", "INC0000001");
        Map<String, String> task = followUp.apply(samples.path("follow_up"), Map.of("incident", parent));
        require(followUp, samples.path("follow_up").path("id").asText().equals(task.get("correlation_id")),
                "correlation_id must be the follow-up id (.id)");
        Map<String, String> entry = note.apply(samples.path("incident_update"));
        require(note, entry.containsKey("text"), "the output must have a text");
        IncidentSide.of(templates.serviceNowIncident(), templates.serviceNowIncident().applyTree(samples.path("servicenow_incident_change")));
        templates.serviceNowTask().apply(samples.path("servicenow_task_change"));
    }

    private static void require(MappingTemplate template, boolean condition, String rule) {
        if (!condition) {
            throw new MappingFailure(template.source() + ": " + rule, null,
                    java.nio.file.Path.of(template.source()).getFileName().toString(), null, null);
        }
    }

    private static JsonNode samples() {
        try (InputStream in = MappingSelfCheck.class.getResourceAsStream("/mapping-samples.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("mapping-samples.json is missing from the build", e);
        }
    }
}
