package io.incidentbridge.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.incidentio.IncidentIoClient;
import io.incidentbridge.servicenow.ServiceNowTableClient;
import io.incidentbridge.errors.PermanentFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pins the ServiceNow record on the incident in incident.io, once: it looks for an attachment with the
 * same URL first, so a retry after a lost response does not pin it twice.
 */
@Component
public class IncidentIoLinkPinner {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentIoLinkPinner.class);
    private final IncidentIoClient incidentIo;
    private final ServiceNowTableClient serviceNow;
    private final RecordLinkRepository links;
    private final boolean enabled;

    public IncidentIoLinkPinner(IncidentIoClient incidentIo, ServiceNowTableClient serviceNow,
                                RecordLinkRepository links, BridgeProperties properties) {
        this.incidentIo = incidentIo;
        this.serviceNow = serviceNow;
        this.links = links;
        this.enabled = properties.incidentio().pinServiceNowLink();
    }

    public SyncOutcome pin(SyncOutcome outcome) {
        RecordLink link = outcome.link();
        if (!enabled || link.pinned() || outcome.action() == SyncOutcome.Action.STALE) {
            return outcome;
        }
        String url = serviceNow.recordUrl(link.table(), link.sysId());
        try {
            if (!alreadyAttached(link.incidentId(), url)) {
                incidentIo.attachLink(link.incidentId(), url, "ServiceNow " + link.number());
            }
        } catch (PermanentFailure refused) {
            // ServiceNow already holds the incident; a link incident.io will not take must not undo that.
            // The link stays unpinned and the next sync of this incident tries again.
            LOG.warn("incident.io refused the link to ServiceNow {} on {}: {}", link.number(), link.sourceReference(),
                    refused.getMessage());
            return outcome;
        }
        RecordLink pinned = link.pinnedNow();
        links.save(pinned);
        return new SyncOutcome(outcome.action(), pinned, outcome.writtenFields(), outcome.serviceNowAhead());
    }

    private boolean alreadyAttached(String incidentId, String url) {
        for (JsonNode attachment : incidentIo.attachments(incidentId)) {
            JsonNode resource = attachment.path("resource");
            if (url.equals(resource.path("external_id").asText()) || url.equals(resource.path("permalink").asText())
                    || url.equals(resource.path("url").asText())) {
                return true;
            }
        }
        return false;
    }
}
