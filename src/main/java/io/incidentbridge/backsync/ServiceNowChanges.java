package io.incidentbridge.backsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.errors.PermanentFailure;
import io.incidentbridge.incidentio.IncidentIoClient;
import io.incidentbridge.inbox.ClaimedIncident;
import io.incidentbridge.inbox.EventJson;
import io.incidentbridge.mapping.IncidentMapper;
import io.incidentbridge.mapping.MappingTemplates;
import io.incidentbridge.sync.IncidentSnapshot;
import io.incidentbridge.sync.RecordLink;
import io.incidentbridge.sync.RecordLinkRepository;
import io.incidentbridge.sync.SyncOutcome;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * ServiceNow callbacks for the claimed incident flow back to incident.io: the incident's state becomes a status of the
 * mapped category, the task's state the follow-up's status, and new work notes and comments go to a text custom field.
 * No echoes: a change made by the integration user is the bridge's own write and is skipped, and after a change flows
 * back the link remembers the ServiceNow value, so incident.io's answering webhook finds nothing to write to ServiceNow.
 */
@Component
public class ServiceNowChanges {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceNowChanges.class);

    private final IncidentIoClient incidentIo;
    private final RecordLinkRepository links;
    private final MappingTemplates templates;
    private final ServiceNowNotes notes;
    private final ObjectMapper json;
    private final String integrationUser;
    private final boolean notify;
    private final IncidentMapper mapper;
    private final IncidentStatusChoice statusChoice;

    public ServiceNowChanges(IncidentIoClient incidentIo, RecordLinkRepository links, MappingTemplates templates,
                             ServiceNowNotes notes, ObjectMapper json, BridgeProperties properties, IncidentMapper mapper,
                             IncidentStatusChoice statusChoice) {
        this.mapper = mapper;
        this.statusChoice = statusChoice;
        this.incidentIo = incidentIo;
        this.links = links;
        this.templates = templates;
        this.notes = notes;
        this.json = json;
        this.integrationUser = properties.servicenow().username();
        this.notify = properties.backSync().notifyIncidentChannel();
    }

    public SyncOutcome apply(@Variable("claim") ClaimedIncident claim, @Body SyncOutcome incident) {
        List<JsonNode> changes = claim.events().stream().filter(e -> ServiceNowCallbackParser.SOURCE.equals(e.source()))
                .map(event -> EventJson.document(json, event)).sorted(Comparator.comparingLong(c -> c.path("sys_mod_count").asLong())).toList();
        for (JsonNode change : changes) {
            if (integrationUser.equals(change.path("sys_updated_by").asText())) {
                continue;
            }
            links.findBySysId(change.path("sys_id").asText()).ifPresent(link -> {
                if (link.kind() == RecordLink.Kind.INCIDENT) {
                    incidentChange(link, change);
                } else {
                    followUpState(link, change);
                }
            });
        }
        return incident;
    }

    /**
     * One ServiceNow change becomes at most one incident.io edit, carrying the status, the severity and the notes
     * that changed together.
     */
    private void incidentChange(RecordLink link, JsonNode change) {
        JsonNode values = change.path("values");
        JsonNode current = incidentIo.incident(link.incidentId());
        ObjectNode fields = json.createObjectNode();
        String state = values.path("state").asText("");
        String category = templates.values().path("back_state").path(state).asText("");
        String severityKey = values.path("impact").asText("") + "/" + values.path("urgency").asText("");
        String severity = templates.values().path("back_severity").path(severityKey).asText("");
        boolean severityChanged = !values.path("impact").asText("").equals(link.syncedFields().getOrDefault("impact", ""))
                || !values.path("urgency").asText("").equals(link.syncedFields().getOrDefault("urgency", ""));
        if (severityChanged && !severity.isEmpty() && !severity.equals(current.path("severity").path("name").asText())) {
            fields.put("severity_id", severityOf(severity));
        }
        // After the severity: incident.io picks the post-incident flow for the incident as this edit leaves it.
        if (!state.isEmpty() && !state.equals(link.syncedFields().get("state")) && !category.isEmpty()
                && !category.equals(current.path("incident_status").path("category").asText())) {
            statusOf(current, fields.has("severity_id") ? severity : current.path("severity").path("name").asText(""), category)
                    .ifPresent(status -> fields.put("incident_status_id", status));
        }
        notes.entry(current, change.path("journal")).ifPresent(entry -> fields.putArray("custom_field_entries").add(entry));
        if (fields.isEmpty()) {
            return;
        }
        JsonNode updated;
        try {
            updated = incidentIo.editIncident(link.incidentId(), fields, notify);
        } catch (PermanentFailure refused) {
            throw new PermanentFailure("transition-refused", "incident.io refused the change from ServiceNow " + link.number()
                    + " to " + link.sourceReference() + " " + fieldNames(fields) + ": " + refused.getMessage(), refused);
        }
        LOG.info("incident.io {} changed from ServiceNow {}: {}", link.sourceReference(), link.number(), fieldNames(fields));
        // What the forward mapping makes of incident.io's new state counts as already written: the webhook incident.io
        // sends for this change then finds nothing to write, and ServiceNow keeps what its user set (e.g. close notes).
        if (!updated.hasNonNull("updated_at")) {
            updated = incidentIo.incident(link.incidentId());
        }
        IncidentSnapshot snapshot = new IncidentSnapshot(link.incidentId(),
                OffsetDateTime.parse(updated.path("updated_at").asText()), updated);
        links.save(link.withSynced(mapper.map(snapshot).fields(), snapshot.updatedAt()));
    }

    private static List<String> fieldNames(ObjectNode fields) {
        List<String> names = new java.util.ArrayList<>();
        fields.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private String severityOf(String name) {
        for (JsonNode severity : incidentIo.severities()) {
            if (name.equals(severity.path("name").asText())) {
                return severity.path("id").asText();
            }
        }
        throw new PermanentFailure("mapping", "incident.io has no severity named " + name + " (back_severity in values.yaml)");
    }

    private void followUpState(RecordLink link, JsonNode change) {
        String state = change.path("values").path("state").asText("");
        String status = templates.values().path("back_follow_up_state").path(state).asText("");
        if (status.isEmpty() || state.equals(link.syncedFields().get("state"))) {
            return;
        }
        JsonNode followUp = incidentIo.followUp(link.sourceId());
        if (!status.equals(followUp.path("status").asText())) {
            incidentIo.updateFollowUp(link.sourceId(), followUp.path("title").asText(), status);
        }
        Map<String, String> synced = new HashMap<>(link.syncedFields());
        synced.put("state", state);
        links.save(link.withSynced(synced, link.sourceUpdatedAt()));
    }

    private Optional<String> statusOf(JsonNode current, String severity, String category) {
        return statusChoice.statusFor(current, severity, category);
    }
}
