package io.incidentbridge.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.incidentio.IncidentIoClient;
import io.incidentbridge.inbox.ClaimedIncident;
import io.incidentbridge.inbox.EventJson;
import io.incidentbridge.inbox.InboundEvent;
import io.incidentbridge.inbox.InboxOutcomes;
import io.incidentbridge.inbox.InboxRepository;
import io.incidentbridge.inbox.StoredEvent;
import org.apache.camel.Body;
import org.springframework.stereotype.Component;

/**
 * A private follow-up event names only the follow-up. Its incident is learnt from the API and the event is
 * stored again under that incident, so it is ordered with the incident's other events like any other.
 */
@Component
public class PrivateFollowUps {
    private static final String REQUEUED_TYPE = "public_incident.follow_up_updated_v2";
    private final IncidentIoClient incidentIo;
    private final InboxRepository inbox;
    private final InboxOutcomes outcomes;
    private final ObjectMapper json;
    private final boolean includePrivate;

    public PrivateFollowUps(IncidentIoClient incidentIo, InboxRepository inbox, InboxOutcomes outcomes, ObjectMapper json,
                            BridgeProperties properties) {
        this.incidentIo = incidentIo;
        this.inbox = inbox;
        this.outcomes = outcomes;
        this.json = json;
        this.includePrivate = properties.sync().conditions().includePrivate();
    }

    public void requeueUnderIncident(@Body ClaimedIncident claim) {
        if (!includePrivate) {
            outcomes.skip(claim, "private incidents are not synced (bridge.sync.conditions.include-private)");
            return;
        }
        String followUpId = claim.incidentKey().substring(claim.incidentKey().indexOf(':') + 1);
        JsonNode followUp = incidentIo.followUp(followUpId);
        String envelope = EventJson.envelope(json, REQUEUED_TYPE, followUp);
        for (StoredEvent event : claim.events()) {
            inbox.store(new InboundEvent(event.source(), "resolved-" + event.deliveryId(), REQUEUED_TYPE,
                    followUp.path("incident_id").asText(), envelope));
        }
        outcomes.complete(claim);
    }
}
