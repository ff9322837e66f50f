package io.incidentbridge.sync;

import io.incidentbridge.model.IncidentSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.incidentio.IncidentIoClient;
import io.incidentbridge.incidentio.IncidentIoEventTypes;
import io.incidentbridge.inbox.ClaimedIncident;
import io.incidentbridge.inbox.EventJson;
import io.incidentbridge.inbox.StoredEvent;
import org.springframework.stereotype.Component;

/**
 * Turns the claimed events of one incident into the newest known state of it. Webhooks arrive in any
 * order, so the newest {@code updated_at} wins; events that carry only an id are fetched from the API.
 */
@Component
public class IncidentSnapshots {
    private final ObjectMapper json;
    private final IncidentIoClient incidentIo;
    private final boolean includePrivate;

    public IncidentSnapshots(ObjectMapper json, IncidentIoClient incidentIo, BridgeProperties properties) {
        this.json = json;
        this.incidentIo = incidentIo;
        this.includePrivate = properties.sync().conditions().includePrivate();
    }

    /**
     * The newest state of the claimed incident. A claim of follow-up events alone fetches the incident, so a
     * follow-up whose incident was never synced brings the incident over first and never makes an orphan task.
     */
    public IncidentSnapshot newest(ClaimedIncident claim) {
        boolean privateEvent = claim.events().stream().anyMatch(e -> IncidentIoEventTypes.idOnly(e.eventType()));
        if (privateEvent && !includePrivate) {
            return IncidentSnapshot.unfetchedPrivate(claim.incidentKey(),
                    json.createObjectNode().put("id", claim.incidentKey()).put("visibility", "private"));
        }
        IncidentSnapshot newest = null;
        for (StoredEvent event : claim.events()) {
            if (IncidentIoEventTypes.incidentState(event.eventType()) && !IncidentIoEventTypes.idOnly(event.eventType())) {
                IncidentSnapshot snapshot = IncidentSnapshot.of(incidentOf(event));
                if (snapshot.newerThan(newest)) {
                    newest = snapshot;
                }
            }
        }
        if (newest == null || privateEvent) {
            IncidentSnapshot fetched = IncidentSnapshot.of(incidentIo.incident(claim.incidentKey()));
            if (fetched.newerThan(newest)) {
                newest = fetched;
            }
        }
        return newest;
    }

    private JsonNode incidentOf(StoredEvent event) {
        JsonNode payload = EventJson.payload(json, event);
        return payload.has("incident") && payload.path("incident").isObject() ? payload.get("incident") : payload;
    }

}
