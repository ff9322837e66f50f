package io.incidentbridge.sync;

import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.errors.PermanentFailure;
import io.incidentbridge.servicenow.EncodedQuery;
import io.incidentbridge.servicenow.ServiceNowRecord;
import io.incidentbridge.servicenow.ServiceNowTableClient;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * "Bring ServiceNow in line with this incident": the one idempotent write. Without a link it looks the
 * record up by correlation_id before creating, so a lost POST response never makes a duplicate; with a
 * link it sends only the fields that differ from what it last wrote; an older state than the one last
 * written is ignored.
 */
@Component
public class ServiceNowIncidentWriter {
    private final ServiceNowTableClient serviceNow;
    private final IncidentLinkRepository links;
    private final Clock clock;
    private final String table;
    private final String correlationDisplay;

    public ServiceNowIncidentWriter(ServiceNowTableClient serviceNow, IncidentLinkRepository links, Clock clock,
                                    BridgeProperties properties) {
        this.serviceNow = serviceNow;
        this.links = links;
        this.clock = clock;
        this.table = properties.servicenow().incidentTable();
        this.correlationDisplay = properties.servicenow().correlationDisplay();
    }

    public SyncOutcome write(MappedIncident mapped) {
        IncidentSnapshot snapshot = mapped.snapshot();
        Optional<IncidentLink> existing = links.find(snapshot.id());
        if (existing.isPresent() && existing.get().incidentUpdatedAt().isAfter(snapshot.updatedAt())) {
            return new SyncOutcome(SyncOutcome.Action.STALE, existing.get(), Map.of());
        }
        return existing.map(link -> update(link, mapped)).orElseGet(() -> createOrAdopt(mapped));
    }

    private SyncOutcome update(IncidentLink link, MappedIncident mapped) {
        Map<String, String> changed = FieldDiff.changed(mapped.fields(), link.syncedFields());
        if (!changed.isEmpty()) {
            try {
                serviceNow.update(link.table(), link.sysId(), changed);
            } catch (PermanentFailure e) {
                if ("http-404".equals(e.kind())) {
                    throw new PermanentFailure("record-deleted", "ServiceNow " + link.table() + " " + link.number()
                            + " (sys_id " + link.sysId() + ") linked to " + link.incidentReference() + " no longer exists", e);
                }
                throw e;
            }
        }
        IncidentLink saved = save(mapped, link.table(), link.sysId(), link.number(), link.pinned());
        return new SyncOutcome(changed.isEmpty() ? SyncOutcome.Action.UNCHANGED : SyncOutcome.Action.UPDATED, saved, changed);
    }

    private SyncOutcome createOrAdopt(MappedIncident mapped) {
        EncodedQuery byCorrelation = EncodedQuery.eq("correlation_id", mapped.snapshot().id())
                .andEq("correlation_display", correlationDisplay);
        Optional<ServiceNowRecord> found = serviceNow.findOne(table, byCorrelation);
        if (found.isPresent()) {
            ServiceNowRecord record = found.get();
            Map<String, String> changed = FieldDiff.changed(mapped.fields(), record.fields());
            if (!changed.isEmpty()) {
                serviceNow.update(table, record.sysId(), changed);
            }
            IncidentLink saved = save(mapped, table, record.sysId(), record.number(), false);
            return new SyncOutcome(changed.isEmpty() ? SyncOutcome.Action.UNCHANGED : SyncOutcome.Action.UPDATED, saved, changed);
        }
        ServiceNowRecord created = serviceNow.create(table, mapped.fields());
        IncidentLink saved = save(mapped, table, created.sysId(), created.number(), false);
        return new SyncOutcome(SyncOutcome.Action.CREATED, saved, mapped.fields());
    }

    /** After a successful write ServiceNow holds every mapped value: that is what the next diff compares with. */
    private IncidentLink save(MappedIncident mapped, String recordTable, String sysId, String number, boolean pinned) {
        IncidentLink link = new IncidentLink(mapped.snapshot().id(), mapped.snapshot().reference(), recordTable, sysId, number,
                mapped.fields(), mapped.snapshot().updatedAt(), OffsetDateTime.now(clock), pinned);
        links.save(link);
        return link;
    }
}
