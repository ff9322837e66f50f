package io.incidentbridge.backsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.backsync.ServiceNowChangePlan.Assignment;
import io.incidentbridge.backsync.ServiceNowChangePlan.IncidentIoChange;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.errors.FailureKind;
import io.incidentbridge.errors.PermanentFailure;
import io.incidentbridge.incidentio.IncidentIoClient;
import io.incidentbridge.model.IncidentSnapshot;
import io.incidentbridge.sync.RecordLink;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes incident.io show what the decision gave it, in one edit ({@code POST /v2/incidents/{id}/actions/edit},
 * bridge.back-sync.notify-incident-channel): names become incident.io's ids here (severity, status, custom fields,
 * roles), and the notes are added where bridge.back-sync.notes-target says. Nothing to show, no edit.
 */
@Component
public class IncidentIoEditor {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentIoEditor.class);

    private final IncidentIoClient incidentIo;
    private final IncidentStatusChoice statusChoice;
    private final IncidentAssignment assignment;
    private final ServiceNowNotes notes;
    private final ObjectMapper json;
    private final boolean notify;

    public IncidentIoEditor(IncidentIoClient incidentIo, IncidentStatusChoice statusChoice, IncidentAssignment assignment,
                            ServiceNowNotes notes, ObjectMapper json, BridgeProperties properties) {
        this.incidentIo = incidentIo;
        this.statusChoice = statusChoice;
        this.assignment = assignment;
        this.notes = notes;
        this.json = json;
        this.notify = properties.backSync().notifyIncidentChannel();
    }

    public ServiceNowChangePlan apply(ServiceNowChangePlan plan) {
        if (!plan.settles()) {
            return plan;
        }
        JsonNode current = plan.incidentAfter().incident();
        ObjectNode fields = fields(plan.toIncidentIo(), current);
        if (fields.isEmpty()) {
            return plan;
        }
        return plan.editedTo(IncidentSnapshot.of(edit(plan.sides().link(), fields)));
    }

    /** The edit's body: severity before status, since incident.io picks the post-incident flow for the incident as edited. */
    private ObjectNode fields(IncidentIoChange change, JsonNode current) {
        ObjectNode fields = json.createObjectNode();
        if (change.name() != null) {
            fields.put("name", change.name());
        }
        if (change.summary() != null) {
            fields.put("summary", change.summary());
        }
        if (change.severity() != null) {
            fields.put("severity_id", severityOf(change.severity()));
        }
        Assignment wanted = change.assignment();
        if (wanted != null) {
            append(fields, "custom_field_entries", assignment.customFieldEntries(current, wanted.customFieldScope(), wanted.customFields()));
            append(fields, "incident_role_assignments", assignment.roleAssignments(current, wanted.roleScope(), wanted.roles()));
        }
        if (change.statusCategory() != null) {
            statusChoice.statusFor(current, change.severityAfterEdit(), change.statusCategory())
                    .ifPresent(status -> fields.put("incident_status_id", status));
        }
        notes.show(current, change.notes(), fields);
        return fields;
    }

    private JsonNode edit(RecordLink link, ObjectNode fields) {
        JsonNode updated;
        try {
            updated = incidentIo.editIncident(link.incidentId(), fields, notify);
        } catch (PermanentFailure refused) {
            throw new PermanentFailure(FailureKind.TRANSITION_REFUSED, "incident.io refused the change from ServiceNow " + link.number()
                    + " to " + link.sourceReference() + " " + fieldNames(fields) + ": " + refused.getMessage(), refused);
        }
        LOG.info("incident.io {} changed from ServiceNow {}: {}", link.sourceReference(), link.number(), fieldNames(fields));
        return updated.hasNonNull("updated_at") ? updated : incidentIo.incident(link.incidentId());
    }

    private String severityOf(String name) {
        for (JsonNode severity : incidentIo.severities()) {
            if (name.equals(severity.path("name").asText())) {
                return severity.path("id").asText();
            }
        }
        throw new PermanentFailure(FailureKind.MAPPING, "incident.io has no severity named " + name
                + " (the severity servicenow-to-incident.jslt gives, through back_severity in values.yaml)");
    }

    private static void append(ObjectNode edit, String list, List<ObjectNode> entries) {
        for (ObjectNode entry : entries) {
            edit.withArrayProperty(list).add(entry);
        }
    }

    private static List<String> fieldNames(ObjectNode fields) {
        List<String> names = new ArrayList<>();
        fields.fieldNames().forEachRemaining(names::add);
        return names;
    }

}
