package io.incidentbridge.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.errors.FailureKind;
import io.incidentbridge.errors.PermanentFailure;
import io.incidentbridge.incidentio.IncidentIoClient;
import io.incidentbridge.incidentio.IncidentIoEventTypes;
import io.incidentbridge.inbox.ClaimedIncident;
import io.incidentbridge.inbox.EventJson;
import io.incidentbridge.inbox.StoredEvent;
import io.incidentbridge.mapping.MappingTemplates;
import io.incidentbridge.servicenow.EncodedQuery;
import io.incidentbridge.servicenow.ServiceNowTableClient;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Status updates posted in incident.io become journal entries (work notes by default) on the ServiceNow
 * incident: each once, oldest first. Each entry carries a marker with the update id; before writing an
 * update it has no record of, the bridge looks for that marker in ServiceNow, so a crash between the write
 * and the bookkeeping never doubles a note.
 */
@Component
public class IncidentNotes {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentNotes.class);
    private static final String STATUS_UPDATED = "public_incident.incident_status_updated_v2";

    private final IncidentIoClient incidentIo;
    private final ServiceNowTableClient serviceNow;
    private final MappingTemplates templates;
    private final WrittenNoteRepository notes;
    private final ObjectMapper json;
    private volatile String ownKeyName;

    public IncidentNotes(IncidentIoClient incidentIo, ServiceNowTableClient serviceNow, MappingTemplates templates,
                         WrittenNoteRepository notes, ObjectMapper json) {
        this.incidentIo = incidentIo;
        this.serviceNow = serviceNow;
        this.templates = templates;
        this.notes = notes;
        this.json = json;
    }

    public SyncOutcome sync(@Variable("claim") ClaimedIncident claim, @Body SyncOutcome incident) {
        if (!mayHaveNewUpdates(claim)) {
            return incident;
        }
        RecordLink record = incident.link();
        Set<String> written = notes.written(record.incidentId());
        List<JsonNode> updates = incidentIo.incidentUpdates(record.incidentId()).stream()
                .filter(update -> !written.contains(update.path("id").asText()))
                .filter(update -> !byTheBridge(update))
                .sorted(Comparator.comparing((JsonNode u) -> u.path("created_at").asText()).thenComparing(u -> u.path("id").asText()))
                .toList();
        for (JsonNode update : updates) {
            write(record, update);
        }
        return incident;
    }

    private void write(RecordLink record, JsonNode update) {
        String updateId = update.path("id").asText();
        String marker = "[incident.io update " + updateId + "]";
        Map<String, String> note = templates.noteTemplate().apply(update);
        String field = note.getOrDefault("field", "work_notes");
        if (!field.equals("work_notes") && !field.equals("comments")) {
            throw new PermanentFailure(FailureKind.MAPPING, templates.noteTemplate().source() + ": field must be work_notes or comments, not " + field);
        }
        if (!alreadyInServiceNow(record, marker)) {
            serviceNow.update(record.table(), record.sysId(), Map.of(field, note.getOrDefault("text", "") + "\n" + marker));
            LOG.info("ServiceNow {}: {} added from incident.io update {}", record.number(), field, updateId);
        }
        notes.remember(record.incidentId(), updateId);
    }

    /**
     * Whether the bridge's own edit made this update (a status it moved from ServiceNow): its updater is the bridge's
     * API key, which GET /v1/identity names. Such an update only echoes ServiceNow and is not written back.
     */
    private boolean byTheBridge(JsonNode update) {
        JsonNode apiKey = update.path("updater").path("api_key");
        if (!apiKey.isObject() || update.path("updater").path("user").isObject()) {
            return false;
        }
        String own = ownKeyName;
        if (own == null) {
            own = incidentIo.identity().path("name").asText("");
            ownKeyName = own;
        }
        return !own.isEmpty() && own.equals(apiKey.path("name").asText());
    }

    private boolean alreadyInServiceNow(RecordLink record, String marker) {
        return serviceNow.findOne("sys_journal_field", EncodedQuery.eq("element_id", record.sysId()).andLike("value", marker),
                "sys_id").isPresent();
    }

    /** Updates are read from the API only when an event says there may be a new one (the API is rate-limited). */
    private boolean mayHaveNewUpdates(ClaimedIncident claim) {
        for (StoredEvent event : claim.events()) {
            if (STATUS_UPDATED.equals(event.eventType())) {
                return true;
            }
            if (IncidentIoEventTypes.incidentState(event.eventType()) && hasUpdateMessage(event)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasUpdateMessage(StoredEvent event) {
        JsonNode message = EventJson.payload(json, event).path("most_recent_update_message");
        return message.isTextual() && !message.asText().isBlank();
    }
}
