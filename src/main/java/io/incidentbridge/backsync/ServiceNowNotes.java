package io.incidentbridge.backsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.config.BridgeProperties.NotesTarget;
import io.incidentbridge.mapping.SummaryNotesSection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * incident.io's public API cannot post timeline updates, so ServiceNow work notes and comments go where
 * bridge.back-sync.notes-target says: a text custom field ("ServiceNow notes"), a marked section at the end of the
 * summary ({@link SummaryNotesSection}), or both. Each shows the notes newest first, each line as
 * servicenow-to-incident.jslt writes it (author and time), within a size limit; a line already shown is not added twice.
 */
@Component
public class ServiceNowNotes {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceNowNotes.class);

    private final ObjectMapper json;
    private final BridgeProperties.BackSync settings;
    private final CustomFieldDirectory customFields;
    private final NotesTarget target;

    public ServiceNowNotes(ObjectMapper json, BridgeProperties properties, CustomFieldDirectory customFields) {
        this.json = json;
        this.customFields = customFields;
        this.settings = properties.backSync();
        this.target = settings.notesTarget();
    }

    /** Where notes go: bridge.back-sync.notes-target. */
    public NotesTarget target() {
        return target;
    }

    /**
     * Adds to {@code edit} what shows the new lines (oldest first) in incident.io: the custom field entry, the summary
     * with its section rewritten, or both. A summary the edit already sets (the responder's text, from ServiceNow's
     * description) keeps the section the incident has, whatever the target, so a description change never drops notes.
     */
    public void show(JsonNode incident, List<String> lines, ObjectNode edit) {
        NotesTarget now = target;
        if (now.customField()) {
            entry(incident, lines).ifPresent(entry -> edit.withArrayProperty("custom_field_entries").add(entry));
        }
        String current = incident.path("summary").asText("");
        String shown = SummaryNotesSection.notes(current);
        String notes = now.summary() ? SummaryNotesSection.withNewNotes(shown, lines, settings.notesMaxCharacters()) : shown;
        if (!edit.has("summary") && notes.equals(shown)) {
            return;
        }
        String text = edit.has("summary") ? edit.get("summary").asText() : SummaryNotesSection.responderText(current);
        String summary = SummaryNotesSection.compose(text, notes);
        if (summary.equals(current)) {
            edit.remove("summary");
        } else {
            edit.put("summary", summary);
        }
    }

    /**
     * The custom field entry that shows the new lines (oldest first) on top of the ones already there, or empty when
     * none is new.
     */
    Optional<ObjectNode> entry(JsonNode incident, List<String> lines) {
        List<String> entries = new ArrayList<>(lines);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        String current = "";
        for (JsonNode entry : incident.path("custom_field_entries")) {
            if (settings.notesField().equals(entry.path("custom_field").path("name").asText())) {
                current = entry.path("values").path(0).path("value_text").asText("");
            }
        }
        // An incident need not list a field it has no value in: the account's own list says whether it exists.
        Optional<JsonNode> field = customFields.of(incident, settings.notesField());
        if (field.isEmpty()) {
            LOG.warn("incident.io has no custom field named '{}' (bridge.back-sync.notes-field): ServiceNow notes are not shown",
                    settings.notesField());
            return Optional.empty();
        }
        String fieldId = field.get().path("id").asText();
        StringBuilder text = new StringBuilder();
        Collections.reverse(entries);
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
