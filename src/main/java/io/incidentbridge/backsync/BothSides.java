package io.incidentbridge.backsync;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbridge.model.MappedIncident;
import io.incidentbridge.servicenow.ServiceNowRecord;
import io.incidentbridge.sync.RecordLink;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the ServiceNow → incident.io direction looks at for one claim, loaded once ({@link ServiceNowChangeLoader}):
 * the incident as the forward route fetched it, with its mapping; the incident's link; the claim's ServiceNow changes,
 * oldest first, each with the link of the record it is about; the record as ServiceNow holds it now and the work notes
 * and comments the changes brought (only when the incident is to be settled); and the follow-up tasks the changes name,
 * as ServiceNow holds them now (a task that no longer exists is absent).
 */
public record BothSides(MappedIncident incident, RecordLink link, boolean operatorRequest, boolean serviceNowAhead,
                        List<Change> changes, Optional<ServiceNowRecord> record, List<JsonNode> journal,
                        Map<String, ServiceNowRecord> tasks) {

    public BothSides {
        changes = List.copyOf(changes);
        journal = List.copyOf(journal);
        tasks = Map.copyOf(tasks);
    }

    /**
     * One change a callback or a poll announced: who made it, from when its notes are to be read ({@code journal_since},
     * else {@code sys_updated_on}), and the link of the record (null when the bridge has none).
     */
    public record Change(String sysId, String updatedBy, String journalSince, RecordLink link) {
        public boolean ofIncident() {
            return link != null && link.kind() == RecordLink.Kind.INCIDENT;
        }

        public boolean ofFollowUp() {
            return link != null && link.kind() != RecordLink.Kind.INCIDENT;
        }
    }
}
