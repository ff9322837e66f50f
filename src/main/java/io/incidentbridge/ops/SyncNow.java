package io.incidentbridge.ops;

import io.incidentbridge.errors.NotFound;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.errors.PermanentFailure;
import io.incidentbridge.incidentio.IncidentIoClient;
import io.incidentbridge.inbox.ClaimedIncident;
import io.incidentbridge.inbox.EventJson;
import io.incidentbridge.inbox.InboundEvent;
import io.incidentbridge.inbox.InboxClaimer;
import io.incidentbridge.inbox.InboxRepository;
import io.incidentbridge.sync.SyncOutcome;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Header;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * "Sync with ServiceNow" for one incident: its current state is fetched from incident.io, put in the inbox like
 * any event, and the same sync routes run at once for it, both ways, comparing with the ServiceNow record as it is now.
 */
@Component
public class SyncNow {
    private static final String EVENT_TYPE = "public_incident.incident_updated_v2";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final IncidentIoClient incidentIo;
    private final InboxRepository inbox;
    private final InboxClaimer claimer;
    private final ProducerTemplate producer;
    private final ObjectMapper json;

    public SyncNow(IncidentIoClient incidentIo, InboxRepository inbox, InboxClaimer claimer, ProducerTemplate producer,
                   ObjectMapper json) {
        this.incidentIo = incidentIo;
        this.inbox = inbox;
        this.claimer = claimer;
        this.producer = producer;
        this.json = json;
    }

    public Map<String, Object> sync(@Header("id") String incidentId) throws InterruptedException {
        JsonNode incident;
        try {
            incident = incidentIo.incident(incidentId);
        } catch (PermanentFailure e) {
            throw e.notFound() ? new NotFound("incident.io has no incident " + incidentId) : e;
        }
        String id = incident.path("id").asText();
        String deliveryId = "sync-now-" + UUID.randomUUID();
        inbox.store(new InboundEvent(ClaimedIncident.OPERATOR, deliveryId, EVENT_TYPE, id, EventJson.envelope(json, EVENT_TYPE, incident)));
        ClaimedIncident claim = claimer.claimNow(id, PATIENCE)
                .orElseThrow(() -> new IllegalStateException("incident " + id + " is busy; its sync-now request stays queued"));
        Object result = producer.requestBody("direct:sync-claimed-incident-both-ways", claim);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("incident_id", id);
        if (result instanceof SyncOutcome outcome) {
            answer.put("action", outcome.action().name().toLowerCase());
            answer.put("servicenow_number", outcome.link().number());
            answer.put("servicenow_sys_id", outcome.link().sysId());
            answer.put("changed_fields", outcome.writtenFields());
        } else {
            answer.put("action", "not-synced");
            answer.put("inbox_status", inbox.status(ClaimedIncident.OPERATOR, deliveryId));
        }
        return answer;
    }
}
