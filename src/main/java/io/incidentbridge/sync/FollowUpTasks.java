package io.incidentbridge.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.errors.FailureKind;
import io.incidentbridge.errors.PermanentFailure;
import io.incidentbridge.incidentio.IncidentIoClient;
import io.incidentbridge.incidentio.IncidentIoEventTypes;
import io.incidentbridge.inbox.ClaimedIncident;
import io.incidentbridge.inbox.EventJson;
import io.incidentbridge.inbox.StoredEvent;
import io.incidentbridge.mapping.MappingTemplates;
import io.incidentbridge.servicenow.ServiceNowTableClient;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Follow-ups of the claimed incident become ServiceNow tasks under the incident's record, through the same
 * idempotent writer as incidents, and are connected back to their task in incident.io once.
 */
@Component
public class FollowUpTasks {
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpTasks.class);

    private final MappingTemplates templates;
    private final ServiceNowRecordWriter writer;
    private final RecordLinkRepository links;
    private final IncidentIoClient incidentIo;
    private final ServiceNowTableClient serviceNow;
    private final ObjectMapper json;
    private final String table;
    private final String provider;
    private final String correlationDisplay;

    public FollowUpTasks(MappingTemplates templates, ServiceNowRecordWriter writer, RecordLinkRepository links,
                         IncidentIoClient incidentIo, ServiceNowTableClient serviceNow, ObjectMapper json,
                         BridgeProperties properties) {
        this.templates = templates;
        this.writer = writer;
        this.links = links;
        this.incidentIo = incidentIo;
        this.serviceNow = serviceNow;
        this.json = json;
        this.table = properties.servicenow().followUpTable();
        this.provider = properties.incidentio().followUpIssueProvider();
        this.correlationDisplay = properties.servicenow().correlationDisplay();
    }

    public SyncOutcome sync(@Variable("claim") ClaimedIncident claim, @Body SyncOutcome incident) {
        for (JsonNode followUp : newestFollowUps(claim).values()) {
            SyncOutcome task = write(followUp, incident.link());
            connect(followUp, task);
        }
        return incident;
    }

    private Map<String, JsonNode> newestFollowUps(ClaimedIncident claim) {
        Map<String, JsonNode> newest = new LinkedHashMap<>();
        for (StoredEvent event : claim.events()) {
            if (IncidentIoEventTypes.followUp(event.eventType())) {
                JsonNode followUp = FollowUpPayloads.normalise(EventJson.payload(json, event));
                newest.merge(followUp.path("id").asText(), followUp,
                        (a, b) -> updatedAt(b).isAfter(updatedAt(a)) ? b : a);
            }
        }
        return newest;
    }

    private SyncOutcome write(JsonNode followUp, RecordLink incidentRecord) {
        ObjectNode parent = json.createObjectNode().put("sys_id", incidentRecord.sysId()).put("number", incidentRecord.number());
        Map<String, String> fields = templates.followUpTemplate().apply(followUp, Map.of("incident", parent));
        String id = followUp.path("id").asText();
        if (!id.equals(fields.get("correlation_id")) || !correlationDisplay.equals(fields.get("correlation_display"))) {
            throw new PermanentFailure(FailureKind.MAPPING, templates.followUpTemplate().source()
                    + ": the template must set correlation_id to the follow-up id and correlation_display to '" + correlationDisplay + "'");
        }
        SourceState source = new SourceState(RecordLink.Kind.FOLLOW_UP, id, followUp.path("title").asText(""),
                incidentRecord.incidentId(), updatedAt(followUp));
        SyncOutcome outcome = writer.write(source, table, fields);
        if (outcome.action() != SyncOutcome.Action.UNCHANGED && outcome.action() != SyncOutcome.Action.STALE) {
            LOG.info("ServiceNow {} {} for follow-up \"{}\" of {}", outcome.link().number(),
                    outcome.action().name().toLowerCase(), source.reference(), incidentRecord.sourceReference());
        }
        return outcome;
    }

    /** connect_external_issue works once per follow-up, so look at the follow-up as it is now before asking. */
    private void connect(JsonNode followUp, SyncOutcome task) {
        RecordLink link = task.link();
        if (link.pinned()) {
            return;
        }
        JsonNode current = incidentIo.followUp(link.sourceId());
        if (current.path("external_issue_reference").isNull() || current.path("external_issue_reference").isMissingNode()) {
            try {
                incidentIo.connectExternalIssue(link.sourceId(), provider, serviceNow.recordUrl(link.table(), link.sysId()));
            } catch (PermanentFailure refused) {
                LOG.warn("incident.io would not connect follow-up {} to ServiceNow {}: {}", link.sourceId(), link.number(),
                        refused.getMessage());
                return;
            }
        }
        links.save(link.pinnedNow());
    }

    private static OffsetDateTime updatedAt(JsonNode followUp) {
        return OffsetDateTime.parse(followUp.path("updated_at").asText("1970-01-01T00:00:00Z"));
    }
}
