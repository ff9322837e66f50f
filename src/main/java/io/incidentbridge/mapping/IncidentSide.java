package io.incidentbridge.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a ServiceNow change means in incident.io: the output of servicenow-to-incident.jslt, checked. {@code fields}
 * holds name, summary, status_category, severity and assignment as the template gave them (absent: nothing flows
 * back for it); {@code notes} the lines for the notes custom field, oldest first.
 */
public record IncidentSide(JsonNode fields, List<String> notes) {
    private static final Set<String> TEXTS = Set.of("name", "summary", "status_category", "severity");

    public IncidentSide {
        notes = List.copyOf(notes);
    }

    /** The template's value for {@code key}; a missing node when it gave none. */
    public JsonNode field(String key) {
        JsonNode value = fields.path(key);
        return value.isNull() ? MissingNode.getInstance() : value;
    }

    /** The text the template gave for {@code key}, or null. */
    public String text(String key) {
        JsonNode value = field(key);
        return value.isMissingNode() ? null : value.asText();
    }

    /** The assignment's custom field values (name -> value) or role assignees (role -> email), as the template gave them. */
    public Map<String, String> assignment(String part) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        field("assignment").path(part).fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }

    /** Checks the shape of a template's output; a template that breaks it is refused on load. */
    static IncidentSide of(MappingTemplate template, JsonNode output) {
        for (Iterator<Map.Entry<String, JsonNode>> it = output.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (TEXTS.contains(key)) {
                require(template, value.isValueNode(), key + " must be text");
            } else if (key.equals("assignment")) {
                require(template, value.isObject(), "assignment must be an object");
                value.fieldNames().forEachRemaining(part -> require(template, part.equals("custom_fields") || part.equals("roles"),
                        "assignment may hold custom_fields and roles, not " + part));
                assignmentPart(template, value.path("custom_fields"), "assignment.custom_fields");
                assignmentPart(template, value.path("roles"), "assignment.roles");
            } else if (!key.equals("notes")) {
                throw new MappingFailure(template.source() + ": unknown output field '" + key + "' (known: " + TEXTS
                        + ", assignment, notes)");
            }
        }
        JsonNode notes = output.path("notes");
        require(template, notes.isMissingNode() || notes.isArray(), "notes must be a list of lines");
        List<String> lines = new ArrayList<>();
        for (JsonNode line : notes) {
            require(template, line.isTextual(), "each note must be text");
            lines.add(line.asText());
        }
        return new IncidentSide(output, lines);
    }

    private static void assignmentPart(MappingTemplate template, JsonNode part, String name) {
        require(template, part.isMissingNode() || part.isObject(), name + " must be an object");
        part.elements().forEachRemaining(value -> require(template, value.isValueNode(), name + " values must be text"));
    }

    private static void require(MappingTemplate template, boolean condition, String rule) {
        if (!condition) {
            throw new MappingFailure(template.source() + ": " + rule);
        }
    }
}
