package io.incidentbridge.backsync;

import io.incidentbridge.mapping.IncidentMapper;
import io.incidentbridge.servicenow.ServiceNowColumns;
import io.incidentbridge.sync.FieldSettlement;
import io.incidentbridge.sync.RecordLink;
import io.incidentbridge.sync.RecordLinkRepository;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Remembers in the incident's link what both sides now hold. What the forward mapping makes of incident.io's new state
 * counts as already written: the webhook incident.io sends for this edit then finds nothing to write, and ServiceNow
 * keeps what its user set (e.g. close notes). Without an edit, the forward route's mapping is that state already.
 */
@Component
public class ServiceNowChangeResults {
    private final IncidentMapper mapper;
    private final RecordLinkRepository links;
    private final ServiceNowColumns columns;

    public ServiceNowChangeResults(IncidentMapper mapper, RecordLinkRepository links, ServiceNowColumns columns) {
        this.columns = columns;
        this.mapper = mapper;
        this.links = links;
    }

    public ServiceNowChangePlan remember(ServiceNowChangePlan plan) {
        if (!plan.settles()) {
            return plan;
        }
        RecordLink link = plan.sides().link();
        Map<String, String> desiredNow = plan.incidentIoEdited() ? mapper.map(plan.incidentAfter()).fields()
                : plan.sides().incident().fields();
        // Remembered as ServiceNow keeps them, including a length learnt by the write-back's own PATCH.
        Map<String, String> synced = columns.kept(link.table(),
                FieldSettlement.takenByIncidentIo(plan.verdict(), desiredNow, plan.sides().record().orElseThrow()));
        if (plan.incidentIoEdited() || !synced.equals(link.syncedFields())) {
            links.save(link.withSynced(synced, plan.incidentIoEdited() ? plan.incidentAfter().updatedAt() : link.sourceUpdatedAt()));
        }
        return plan;
    }
}
