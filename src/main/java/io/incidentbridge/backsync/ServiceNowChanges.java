package io.incidentbridge.backsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.errors.FailureKind;
import io.incidentbridge.errors.PermanentFailure;
import io.incidentbridge.incidentio.IncidentIoClient;
import io.incidentbridge.inbox.ClaimedIncident;
import io.incidentbridge.inbox.EventJson;
import io.incidentbridge.mapping.IncidentMapper;
import io.incidentbridge.mapping.IncidentSide;
import io.incidentbridge.mapping.ServiceNowChangeMapper;
import io.incidentbridge.mapping.SummaryNotesSection;
import io.incidentbridge.servicenow.ServiceNowColumns;
import io.incidentbridge.servicenow.ServiceNowRecord;
import io.incidentbridge.servicenow.ServiceNowTableClient;
import io.incidentbridge.sync.FieldSettlement;
import io.incidentbridge.model.IncidentSnapshot;
import io.incidentbridge.sync.OwnedField;
import io.incidentbridge.sync.RecordLink;
import io.incidentbridge.sync.RecordLinkRepository;
import io.incidentbridge.sync.SyncOutcome;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * ServiceNow changes for the claimed incident flow back to incident.io through the templates for ServiceNow changes
 * (mappings/servicenow-to-incident.jslt, task-to-follow-up.jslt). The incident's record is settled as ServiceNow holds
 * it now, once per claim, by {@link FieldSettlement}: the owned fields ServiceNow keeps become one incident.io edit
 * (with the new notes), the ones incident.io keeps are written back to ServiceNow, so both sides end up alike. It is
 * settled when ServiceNow announced a change (callback or poll), when the incident.io side held back a field ServiceNow
 * keeps, and on an operator's request (reconciliation, sync now). A task change sets the follow-up's status. No echoes:
 * a change made by the integration user is the bridge's own write and is skipped, and after a field flows back the link
 * remembers what the forward mapping makes of it, so incident.io's answering webhook finds nothing to write to ServiceNow.
 */
@Component
public class ServiceNowChanges {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceNowChanges.class);

    private final IncidentIoClient incidentIo;
    private final RecordLinkRepository links;
    private final ServiceNowChangeMapper changes;
    private final ServiceNowNotes notes;
    private final ObjectMapper json;
    private final String integrationUser;
    private final boolean notify;
    private final IncidentMapper mapper;
    private final IncidentAssignment assignment;
    private final ServiceNowTableClient serviceNow;
    private final FieldSettlement settlement;
    private final IncidentStatusChoice statusChoice;
    private final ServiceNowJournal serviceNowJournal;
    private final ServiceNowColumns columns;

    public ServiceNowChanges(IncidentIoClient incidentIo, RecordLinkRepository links, ServiceNowChangeMapper changes,
                             ServiceNowNotes notes, ObjectMapper json, BridgeProperties properties, IncidentMapper mapper,
                             IncidentAssignment assignment, ServiceNowTableClient serviceNow, FieldSettlement settlement,
                             IncidentStatusChoice statusChoice, ServiceNowJournal serviceNowJournal,
                             ServiceNowColumns columns) {
        this.columns = columns;
        this.serviceNowJournal = serviceNowJournal;
        this.mapper = mapper;
        this.statusChoice = statusChoice;
        this.assignment = assignment;
        this.serviceNow = serviceNow;
        this.settlement = settlement;
        this.incidentIo = incidentIo;
        this.links = links;
        this.changes = changes;
        this.notes = notes;
        this.json = json;
        this.integrationUser = properties.servicenow().username();
        this.notify = properties.backSync().notifyIncidentChannel();
    }

    public SyncOutcome apply(@Variable("claim") ClaimedIncident claim, @Body SyncOutcome incident) {
        List<JsonNode> delivered = claim.events().stream().filter(e -> ServiceNowCallbackParser.SOURCE.equals(e.source()))
                .map(event -> EventJson.document(json, event)).sorted(Comparator.comparingLong(c -> c.path("sys_mod_count").asLong())).toList();
        Set<JsonNode> journal = new LinkedHashSet<>();
        boolean announced = false;
        String journalSince = null;
        String journalOf = null;
        for (JsonNode change : delivered) {
            if (integrationUser.equals(change.path("sys_updated_by").asText())) {
                continue;
            }
            Optional<RecordLink> link = links.findBySysId(change.path("sys_id").asText());
            if (link.isPresent() && link.get().kind() == RecordLink.Kind.INCIDENT) {
                announced = true;
                // The body only says from when: the entries themselves are read from ServiceNow (ServiceNowJournal).
                String since = change.hasNonNull("journal_since") ? change.path("journal_since").asText()
                        : change.path("sys_updated_on").asText();
                if (ServiceNowJournal.isTime(since) && (journalSince == null || since.compareTo(journalSince) < 0)) {
                    journalSince = since;
                }
                journalOf = link.get().sysId();
            } else {
                link.ifPresent(this::followUpState);
            }
        }
        if (journalSince != null && journalOf != null) {
            journal.addAll(serviceNowJournal.since(journalOf, journalSince));
        }
        if (claim.requestedByOperator()) {
            settle(incident.link(), FieldSettlement.Trigger.COMPARISON, journal);
        } else if (announced || incident.serviceNowAhead()) {
            settle(incident.link(), FieldSettlement.Trigger.SERVICENOW_CHANGE, journal);
        }
        return incident;
    }

    /** One settlement makes at most one incident.io edit and one ServiceNow write. */
    private void settle(RecordLink link, FieldSettlement.Trigger trigger, Set<JsonNode> journal) {
        Optional<ServiceNowRecord> found = serviceNow.get(link.table(), link.sysId());
        if (found.isEmpty()) {
            LOG.warn("ServiceNow {} linked to {} no longer exists: nothing flows back (reconciliation reports it)",
                    link.number(), link.sourceReference());
            return;
        }
        ServiceNowRecord record = found.get();
        JsonNode current = incidentIo.incident(link.incidentId());
        IncidentSnapshot snapshot = snapshot(current);
        FieldSettlement.Verdict verdict = settlement.settle(trigger, columns.kept(link.table(), mapper.map(snapshot).fields()),
                link.syncedFields(), () -> record, snapshot.updatedAt());
        IncidentSide wanted = changes.incident(change(record, journal));
        IncidentSide before = changes.incident(link.table(), link.syncedFields());
        ObjectNode fields = json.createObjectNode();
        // Severity before status: incident.io picks the post-incident flow for the incident as this edit leaves it.
        verdict.toIncidentIo().stream().sorted(Comparator.comparing(field -> field == OwnedField.STATUS))
                .forEach(field -> edit(field, wanted, before, current, fields));
        notes.show(current, wanted.notes(), fields);
        IncidentSnapshot now = fields.isEmpty() ? snapshot : snapshot(edit(link, fields));
        if (!verdict.toServiceNow().isEmpty()) {
            serviceNow.update(link.table(), link.sysId(), verdict.toServiceNow());
            LOG.info("ServiceNow {} keeps incident.io's values of {} (bridge.ownership): {}", link.number(),
                    link.sourceReference(), verdict.toServiceNow());
        }
        // What the forward mapping makes of incident.io's new state counts as already written: the webhook incident.io
        // sends for this change then finds nothing to write, and ServiceNow keeps what its user set (e.g. close notes).
        Map<String, String> synced = columns.kept(link.table(),
                FieldSettlement.takenByIncidentIo(verdict, mapper.map(now).fields(), record));
        if (!fields.isEmpty() || !synced.equals(link.syncedFields())) {
            links.save(link.withSynced(synced, fields.isEmpty() ? link.sourceUpdatedAt() : now.updatedAt()));
        }
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

    /** The record as a change document, with the journal entries the claimed changes brought. */
    private JsonNode change(ServiceNowRecord record, Set<JsonNode> journal) {
        ObjectNode change = json.createObjectNode().put("table", record.table()).put("sys_id", record.sysId())
                .put("number", record.number())
                .put("sys_updated_on", record.fields().getOrDefault("sys_updated_on", ""))
                .put("sys_updated_by", record.fields().getOrDefault("sys_updated_by", ""));
        ObjectNode values = change.putObject("values");
        record.fields().forEach(values::put);
        // A journal field the business rule sent as null (GlideRecord gives null for empty) reads as empty text.
        ArrayNode entries = change.putArray("journal");
        for (JsonNode entry : journal) {
            ObjectNode copy = entries.addObject();
            entry.fields().forEachRemaining(field -> copy.put(field.getKey(), field.getValue().isNull() ? "" : field.getValue().asText()));
        }
        return change;
    }

    private static IncidentSnapshot snapshot(JsonNode incident) {
        return new IncidentSnapshot(incident.path("id").asText(), OffsetDateTime.parse(incident.path("updated_at").asText()), incident);
    }

    /**
     * Adds to {@code edit} what makes incident.io show the template's value of {@code field}, unless it already does;
     * {@code before} is what the template gave until now (an assignment it no longer gives is cleared).
     */
    private void edit(OwnedField field, IncidentSide wanted, IncidentSide before, JsonNode current, ObjectNode edit) {
        if (field == OwnedField.ASSIGNMENT) {
            assignment(wanted, before, current, edit);
            return;
        }
        String value = wanted.text(field.templateKey());
        if (value == null) {
            return;
        }
        switch (field) {
            case NAME -> putIfDifferent(edit, "name", value, current.path("name").asText(""));
            // Only the responder's text is ServiceNow's description; the notes section below it stays (ServiceNowNotes).
            case SUMMARY -> putIfDifferent(edit, "summary", value, SummaryNotesSection.responderText(current.path("summary").asText("")));
            case STATUS -> {
                if (!value.equals(current.path("incident_status").path("category").asText())) {
                    String severity = edit.has("severity_id") ? wanted.text(OwnedField.SEVERITY.templateKey())
                            : current.path("severity").path("name").asText("");
                    statusChoice.statusFor(current, severity, value).ifPresent(status -> edit.put("incident_status_id", status));
                }
            }
            case SEVERITY -> {
                if (!value.equals(current.path("severity").path("name").asText(""))) {
                    edit.put("severity_id", severityOf(value));
                }
            }
            default -> throw new IllegalArgumentException(field.name());
        }
    }

    private void assignment(IncidentSide wanted, IncidentSide before, JsonNode current, ObjectNode edit) {
        Map<String, String> fields = wanted.assignment("custom_fields");
        Map<String, String> roles = wanted.assignment("roles");
        append(edit, "custom_field_entries",
                assignment.customFieldEntries(current, scope(fields, before.assignment("custom_fields")), fields));
        append(edit, "incident_role_assignments",
                assignment.roleAssignments(current, scope(roles, before.assignment("roles")), roles));
    }

    private static Set<String> scope(Map<String, String> now, Map<String, String> before) {
        Set<String> names = new LinkedHashSet<>(now.keySet());
        names.addAll(before.keySet());
        return names;
    }

    private static void append(ObjectNode edit, String list, List<ObjectNode> entries) {
        for (ObjectNode entry : entries) {
            edit.withArrayProperty(list).add(entry);
        }
    }

    private static void putIfDifferent(ObjectNode edit, String name, String value, String current) {
        if (!value.equals(current)) {
            edit.put(name, value);
        }
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
        throw new PermanentFailure(FailureKind.MAPPING, "incident.io has no severity named " + name
                + " (the severity servicenow-to-incident.jslt gives, through back_severity in values.yaml)");
    }

    /** The task's state as ServiceNow holds it (read by sys_id), not as a callback's body says. */
    private void followUpState(RecordLink link) {
        Optional<ServiceNowRecord> task = serviceNow.get(link.table(), link.sysId());
        if (task.isEmpty()) {
            LOG.warn("ServiceNow {} linked to follow-up {} no longer exists: its status does not flow back", link.number(),
                    link.sourceId());
            return;
        }
        Map<String, String> values = new HashMap<>(task.get().fields());
        Optional<String> status = changes.followUpStatus(values);
        if (status.isEmpty() || status.equals(changes.followUpStatus(link.syncedFields()))) {
            return;
        }
        JsonNode followUp = incidentIo.followUp(link.sourceId());
        if (!status.get().equals(followUp.path("status").asText())) {
            incidentIo.updateFollowUp(link.sourceId(), followUp.path("title").asText(), status.get());
        }
        Map<String, String> synced = new HashMap<>(link.syncedFields());
        synced.put("state", values.getOrDefault("state", ""));
        links.save(link.withSynced(synced, link.sourceUpdatedAt()));
    }
}
