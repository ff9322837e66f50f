package io.incidentbridge.backsync;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbridge.backsync.ServiceNowChangePlan.FollowUpStatus;
import io.incidentbridge.incidentio.IncidentIoClient;
import io.incidentbridge.sync.RecordLink;
import io.incidentbridge.sync.RecordLinkRepository;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Gives each follow-up the status its task's change decided, unless incident.io already shows it, and remembers the
 * task's state as synced, so the same state does not flow again.
 */
@Component
public class FollowUpStatuses {
    private final IncidentIoClient incidentIo;
    private final RecordLinkRepository links;

    public FollowUpStatuses(IncidentIoClient incidentIo, RecordLinkRepository links) {
        this.incidentIo = incidentIo;
        this.links = links;
    }

    public ServiceNowChangePlan set(ServiceNowChangePlan plan) {
        for (FollowUpStatus change : plan.followUpStatuses()) {
            RecordLink link = change.link();
            JsonNode followUp = incidentIo.followUp(link.sourceId());
            if (!change.status().equals(followUp.path("status").asText())) {
                incidentIo.updateFollowUp(link.sourceId(), followUp.path("title").asText(), change.status());
            }
            Map<String, String> synced = new HashMap<>(link.syncedFields());
            synced.put("state", change.taskState());
            links.save(link.withSynced(synced, link.sourceUpdatedAt()));
        }
        return plan;
    }
}
