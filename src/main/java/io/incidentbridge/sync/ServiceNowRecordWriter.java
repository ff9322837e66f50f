package io.incidentbridge.sync;

import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.errors.FailureKind;
import io.incidentbridge.errors.PermanentFailure;
import io.incidentbridge.servicenow.EncodedQuery;
import io.incidentbridge.servicenow.ServiceNowColumns;
import io.incidentbridge.servicenow.ServiceNowRecord;
import io.incidentbridge.servicenow.ServiceNowTableClient;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * "Bring this ServiceNow record in line with that incident.io object": the one idempotent write. Without a
 * link it looks the record up by correlation_id before creating, so a lost POST response never makes a
 * duplicate; with a link it sends only the fields that differ from what it last wrote; a state older than
 * the one last written is ignored. An incident's owned fields are settled by {@link FieldSettlement}: a field
 * ServiceNow changed too and wins is not overwritten. Values are compared and remembered as ServiceNow keeps them
 * ({@link ServiceNowColumns}: cut to their column's length), and written in full, so a column that grew keeps more.
 */
@Component
public class ServiceNowRecordWriter {
    private final ServiceNowTableClient serviceNow;
    private final RecordLinkRepository links;
    private final Clock clock;
    private final String correlationDisplay;
    private final FieldSettlement settlement;
    private final ServiceNowColumns columns;

    public ServiceNowRecordWriter(ServiceNowTableClient serviceNow, RecordLinkRepository links, Clock clock,
                                  BridgeProperties properties, FieldSettlement settlement, ServiceNowColumns columns) {
        this.settlement = settlement;
        this.columns = columns;
        this.serviceNow = serviceNow;
        this.links = links;
        this.clock = clock;
        this.correlationDisplay = properties.servicenow().correlationDisplay();
    }

    public SyncOutcome write(SourceState source, String table, Map<String, String> fields) {
        Optional<RecordLink> existing = links.find(source.kind(), source.id());
        if (existing.isPresent() && existing.get().sourceUpdatedAt().isAfter(source.updatedAt()) && !source.compareWithServiceNow()) {
            return new SyncOutcome(SyncOutcome.Action.STALE, existing.get(), Map.of());
        }
        return existing.map(link -> update(link, source, fields)).orElseGet(() -> createOrAdopt(source, table, fields));
    }

    private SyncOutcome update(RecordLink link, SourceState source, Map<String, String> fields) {
        Supplier<ServiceNowRecord> record = () -> serviceNow.get(link.table(), link.sysId())
                .orElseThrow(() -> new PermanentFailure(FailureKind.RECORD_DELETED, "ServiceNow " + link.table() + " " + link.number()
                        + " (sys_id " + link.sysId() + ") linked to " + link.sourceReference() + " no longer exists"));
        Map<String, String> kept = columns.kept(link.table(), fields);
        Map<String, String> changed;
        Map<String, String> synced = kept;
        boolean serviceNowAhead = false;
        if (link.kind() == RecordLink.Kind.INCIDENT) {
            FieldSettlement.Verdict verdict = settlement.settle(source.compareWithServiceNow() ? FieldSettlement.Trigger.COMPARISON
                    : FieldSettlement.Trigger.INCIDENT_IO_CHANGE, kept, link.syncedFields(), record, source.updatedAt());
            changed = verdict.toServiceNow();
            synced = verdict.synced();
            serviceNowAhead = !verdict.toIncidentIo().isEmpty();
        } else {
            changed = FieldDiff.changed(kept, source.compareWithServiceNow() ? record.get().fields() : link.syncedFields());
        }
        if (!changed.isEmpty()) {
            try {
                serviceNow.update(link.table(), link.sysId(), inFull(changed, fields));
            } catch (PermanentFailure e) {
                if (e.notFound()) {
                    throw new PermanentFailure(FailureKind.RECORD_DELETED, "ServiceNow " + link.table() + " " + link.number()
                            + " (sys_id " + link.sysId() + ") linked to " + link.sourceReference() + " no longer exists", e);
                }
                throw e;
            }
        }
        RecordLink saved = save(source, columns.kept(link.table(), synced), link.table(), link.sysId(), link.number(),
                link.pinned());
        return new SyncOutcome(changed.isEmpty() ? SyncOutcome.Action.UNCHANGED : SyncOutcome.Action.UPDATED, saved, changed,
                serviceNowAhead);
    }

    private SyncOutcome createOrAdopt(SourceState source, String table, Map<String, String> fields) {
        EncodedQuery byCorrelation = EncodedQuery.eq("correlation_id", source.id()).andEq("correlation_display", correlationDisplay);
        Optional<ServiceNowRecord> found = serviceNow.findOne(table, byCorrelation);
        if (found.isPresent()) {
            ServiceNowRecord record = found.get();
            Map<String, String> changed = FieldDiff.changed(columns.kept(table, fields), record.fields());
            if (!changed.isEmpty()) {
                serviceNow.update(table, record.sysId(), inFull(changed, fields));
            }
            RecordLink saved = save(source, columns.kept(table, fields), table, record.sysId(), record.number(), false);
            return new SyncOutcome(changed.isEmpty() ? SyncOutcome.Action.UNCHANGED : SyncOutcome.Action.UPDATED, saved, changed);
        }
        ServiceNowRecord created = serviceNow.create(table, fields);
        RecordLink saved = save(source, columns.kept(table, fields), table, created.sysId(), created.number(), false);
        return new SyncOutcome(SyncOutcome.Action.CREATED, saved, fields);
    }

    /**
     * The changed fields with the values the mapping gives, not cut: ServiceNow cuts them itself, and a column made
     * longer since keeps more (and its answer shows it).
     */
    private static Map<String, String> inFull(Map<String, String> changed, Map<String, String> fields) {
        Map<String, String> full = new LinkedHashMap<>();
        changed.forEach((field, value) -> full.put(field, fields.getOrDefault(field, value)));
        return full;
    }

    /** After a successful write ServiceNow holds these values: that is what the next diff compares with. */
    private RecordLink save(SourceState source, Map<String, String> fields, String table, String sysId, String number,
                            boolean pinned) {
        RecordLink link = new RecordLink(source.kind(), source.id(), source.reference(), source.incidentId(), table, sysId,
                number, fields, source.updatedAt(), OffsetDateTime.now(clock), pinned);
        links.save(link);
        return link;
    }
}
