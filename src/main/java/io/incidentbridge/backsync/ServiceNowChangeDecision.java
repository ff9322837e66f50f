package io.incidentbridge.backsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.backsync.BothSides.Change;
import io.incidentbridge.backsync.ServiceNowChangePlan.Assignment;
import io.incidentbridge.backsync.ServiceNowChangePlan.FollowUpStatus;
import io.incidentbridge.backsync.ServiceNowChangePlan.IncidentIoChange;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.inbox.ClaimedIncident;
import io.incidentbridge.inbox.InboxOutcomes;
import io.incidentbridge.mapping.IncidentSide;
import io.incidentbridge.mapping.ServiceNowChangeMapper;
import io.incidentbridge.mapping.SummaryNotesSection;
import io.incidentbridge.model.IncidentSnapshot;
import io.incidentbridge.servicenow.ServiceNowRecord;
import io.incidentbridge.sync.FieldSettlement;
import io.incidentbridge.sync.FieldSettlement.Trigger;
import io.incidentbridge.sync.OwnedField;
import io.incidentbridge.sync.RecordLink;
import io.incidentbridge.sync.SyncOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.springframework.stereotype.Component;

/**
 * What flows where when ServiceNow changed: a pure function of {@link BothSides}, with no call to either system. The
 * owned fields are settled by {@link FieldSettlement} (bridge.ownership): those ServiceNow keeps become one incident.io
 * change, with the new notes; those incident.io keeps are written back to ServiceNow. The incident is settled when an
 * operator asked (reconciliation, sync now: a comparison), when ServiceNow announced a change of it (callback or poll),
 * or when the forward direction held back a field ServiceNow keeps. A task change gives its follow-up a status. No
 * echoes: a change the integration user made is the bridge's own write and counts for nothing.
 */
@Component
public class ServiceNowChangeDecision {
    private final FieldSettlement settlement;
    private final ServiceNowChangeMapper changes;
    private final ObjectMapper json;
    private final String integrationUser;

    public ServiceNowChangeDecision(FieldSettlement settlement, ServiceNowChangeMapper changes, ObjectMapper json,
                                    BridgeProperties properties) {
        this.settlement = settlement;
        this.changes = changes;
        this.json = json;
        this.integrationUser = properties.servicenow().username();
    }

    /**
     * Whether the claim may carry anything back to incident.io: it holds ServiceNow changes, an operator asked for it,
     * or the forward direction left ServiceNow ahead. Otherwise the ServiceNow → incident.io route is not run at all.
     */
    public boolean anythingMayFlow(@Variable(InboxOutcomes.CLAIM) ClaimedIncident claim, @Body SyncOutcome outcome) {
        boolean serviceNowChanged = claim.events().stream().anyMatch(e -> ServiceNowCallbackParser.SOURCE.equals(e.source()));
        return serviceNowChanged || claim.requestedByOperator() || outcome.serviceNowAhead();
    }

    /** A change the integration user made: the bridge's own write, which must not come back. */
    public boolean isEcho(Change change) {
        return integrationUser.equals(change.updatedBy());
    }

    /** How the incident is settled, if at all: empty when nothing asks for it. */
    public Optional<Trigger> trigger(boolean operatorRequest, List<Change> changes, boolean serviceNowAhead) {
        if (operatorRequest) {
            return Optional.of(Trigger.COMPARISON);
        }
        boolean announced = changes.stream().anyMatch(change -> !isEcho(change) && change.ofIncident());
        return announced || serviceNowAhead ? Optional.of(Trigger.SERVICENOW_CHANGE) : Optional.empty();
    }

    public ServiceNowChangePlan decide(BothSides sides) {
        List<FollowUpStatus> followUps = followUpStatuses(sides);
        Optional<Trigger> trigger = trigger(sides.operatorRequest(), sides.changes(), sides.serviceNowAhead());
        IncidentSnapshot incident = sides.incident().snapshot();
        if (trigger.isEmpty() || sides.record().isEmpty()) {
            return new ServiceNowChangePlan(sides, followUps, IncidentIoChange.NONE, Map.of(), null, incident, false);
        }
        ServiceNowRecord record = sides.record().get();
        RecordLink link = sides.link();
        FieldSettlement.Verdict verdict = settlement.settle(trigger.get(), sides.incident().fields(), link.syncedFields(),
                () -> record, incident.updatedAt());
        IncidentSide wanted = changes.incident(changeDocument(record, sides.journal()));
        IncidentSide before = changes.incident(link.table(), link.syncedFields());
        IncidentIoChange toIncidentIo = incidentIoChange(verdict.toIncidentIo(), wanted, before, incident.incident());
        return new ServiceNowChangePlan(sides, followUps, toIncidentIo, verdict.toServiceNow(), verdict, incident, false);
    }

    /** Each task changed by someone else, once, whose template status differs from the one last synced. */
    private List<FollowUpStatus> followUpStatuses(BothSides sides) {
        Map<String, RecordLink> tasks = new LinkedHashMap<>();
        for (Change change : sides.changes()) {
            if (!isEcho(change) && change.ofFollowUp()) {
                tasks.putIfAbsent(change.sysId(), change.link());
            }
        }
        List<FollowUpStatus> statuses = new ArrayList<>();
        tasks.forEach((sysId, link) -> {
            ServiceNowRecord task = sides.tasks().get(sysId);
            if (task == null) {
                return;
            }
            Optional<String> status = changes.followUpStatus(task.fields());
            if (status.isPresent() && !status.equals(changes.followUpStatus(link.syncedFields()))) {
                statuses.add(new FollowUpStatus(link, status.get(), task.fields().getOrDefault("state", "")));
            }
        });
        return statuses;
    }

    /**
     * The template's values of the fields ServiceNow keeps, where incident.io shows something else; {@code before} is
     * what the template gave until now (an assignment it no longer gives is cleared).
     */
    private static IncidentIoChange incidentIoChange(Set<OwnedField> fields, IncidentSide wanted, IncidentSide before,
                                                     JsonNode current) {
        String name = fields.contains(OwnedField.NAME)
                ? different(wanted.text(OwnedField.NAME.templateKey()), current.path("name").asText("")) : null;
        // Only the responder's text is ServiceNow's description; the notes section below it stays (ServiceNowNotes).
        String summary = fields.contains(OwnedField.SUMMARY) ? different(wanted.text(OwnedField.SUMMARY.templateKey()),
                SummaryNotesSection.responderText(current.path("summary").asText(""))) : null;
        String currentSeverity = current.path("severity").path("name").asText("");
        String severity = fields.contains(OwnedField.SEVERITY)
                ? different(wanted.text(OwnedField.SEVERITY.templateKey()), currentSeverity) : null;
        String status = fields.contains(OwnedField.STATUS) ? different(wanted.text(OwnedField.STATUS.templateKey()),
                current.path("incident_status").path("category").asText()) : null;
        Assignment assignment = null;
        if (fields.contains(OwnedField.ASSIGNMENT)) {
            Map<String, String> customFields = wanted.assignment("custom_fields");
            Map<String, String> roles = wanted.assignment("roles");
            assignment = new Assignment(customFields, scope(customFields, before.assignment("custom_fields")), roles,
                    scope(roles, before.assignment("roles")));
        }
        // Severity before status: incident.io picks the post-incident flow for the incident as this edit leaves it.
        return new IncidentIoChange(name, summary, severity, status, severity != null ? severity : currentSeverity,
                assignment, wanted.notes());
    }

    private static String different(String wanted, String current) {
        return wanted == null || wanted.equals(current) ? null : wanted;
    }

    private static Set<String> scope(Map<String, String> now, Map<String, String> before) {
        Set<String> names = new LinkedHashSet<>(now.keySet());
        names.addAll(before.keySet());
        return names;
    }

    /** The record as a change document, with the journal entries the claimed changes brought. */
    private JsonNode changeDocument(ServiceNowRecord record, List<JsonNode> journal) {
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
}
