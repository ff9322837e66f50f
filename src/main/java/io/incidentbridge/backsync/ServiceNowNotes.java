package io.incidentbridge.backsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.config.BridgeProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * incident.io's public API cannot post timeline updates, so ServiceNow work notes and comments go to a text custom
 * field ("ServiceNow notes"): newest first, each line as servicenow-to-incident.jslt writes it (author and time), cut
 * to a size limit. A line already shown is not added twice.
 */
@Component
public class ServiceNowNotes {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceNowNotes.class);

    private final ObjectMapper json;
    private final BridgeProperties.BackSync settings;

    public ServiceNowNotes(ObjectMapper json, BridgeProperties properties) {
        this.json = json;
        this.settings = properties.backSync();
    }

    /**
     * The custom field entry that shows the new lines (oldest first) on top of the ones already there, or empty when
     * none is new.
     */
    public Optional<ObjectNode> entry(JsonNode incident, List<String> lines) {
        List<String> entries = new ArrayList<>(lines);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        String fieldId = null;
        String current = "";
        for (JsonNode entry : incident.path("custom_field_entries")) {
            if (settings.notesField().equals(entry.path("custom_field").path("name").asText())) {
                fieldId = entry.path("custom_field").path("id").asText();
                current = entry.path("values").path(0).path("value_text").asText("");
            }
        }
        if (fieldId == null) {
            LOG.warn("incident.io has no custom field named '{}' (bridge.back-sync.notes-field): ServiceNow notes are not shown",
                    settings.notesField());
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        java.util.Collections.reverse(entries);
        for (String entry : entries) {
            if (!current.contains(entry)) {
                text.append(entry).append("\n\n");
            }
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        text.append(current);
        String value = text.length() > settings.notesMaxCharacters() ? text.substring(0, settings.notesMaxCharacters()) : text.toString();
        ObjectNode fieldEntry = json.createObjectNode().put("custom_field_id", fieldId);
        fieldEntry.putArray("values").addObject().put("value_text", value.strip());
        return Optional.of(fieldEntry);
    }
}
