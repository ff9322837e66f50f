package io.incidentbridge.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.incidentio.IncidentIoClient;
import io.incidentbridge.inbox.ClaimedIncident;
import io.incidentbridge.inbox.EventJson;
import io.incidentbridge.inbox.InboundEvent;
import io.incidentbridge.inbox.InboxRepository;
import io.incidentbridge.mapping.IncidentMapper;
import io.incidentbridge.servicenow.EncodedQuery;
import io.incidentbridge.servicenow.ServiceNowColumns;
import io.incidentbridge.servicenow.ServiceNowRecord;
import io.incidentbridge.servicenow.ServiceNowTableClient;
import io.incidentbridge.sync.FieldDiff;
import io.incidentbridge.sync.FieldSettlement;
import io.incidentbridge.model.IncidentSnapshot;
import io.incidentbridge.sync.RecordLink;
import io.incidentbridge.sync.RecordLinkRepository;
import io.incidentbridge.sync.SyncConditions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Walks incident.io incidents (updated since the last run, or all) page by page, compares each with its ServiceNow
 * record (read 250 at a time with one IN query), and re-applies the one sync operation where they differ by putting
 * the incident in the inbox as an operator request: the normal workers then create what is missing (through the
 * correlation_id look-up, never duplicated) and repair what drifted, each owned field towards its owner
 * ({@link FieldSettlement}: ServiceNow is repaired, or incident.io takes ServiceNow's value, as a missed callback would
 * have brought it). Links to records deleted in ServiceNow are reported. A dry run reports the same without queueing
 * anything. Between pages it waits while live traffic is queued. incident.io's values are compared as ServiceNow keeps
 * them ({@link ServiceNowColumns}), so a value its column cuts is no drift.
 */
@Component
public class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    private static final String EVENT_TYPE = "public_incident.incident_updated_v2";
    private static final int MAX_DETAIL_LINES = 500;

    private final IncidentIoClient incidentIo;
    private final ServiceNowTableClient serviceNow;
    private final RecordLinkRepository links;
    private final IncidentMapper mapper;
    private final SyncConditions conditions;
    private final InboxRepository inbox;
    private final ReconciliationRuns runs;
    private final ObjectMapper json;
    private final BridgeProperties.Reconciliation settings;
    private final String table;
    private final ReentrantLock oneAtATime = new ReentrantLock();
    private final MeterRegistry meters;
    private final FieldSettlement settlement;
    private final ServiceNowColumns columns;

    public Reconciler(IncidentIoClient incidentIo, ServiceNowTableClient serviceNow, RecordLinkRepository links,
                      IncidentMapper mapper, SyncConditions conditions, InboxRepository inbox, ReconciliationRuns runs,
                      ObjectMapper json, BridgeProperties properties, MeterRegistry meters, FieldSettlement settlement,
                      ServiceNowColumns columns) {
        this.meters = meters;
        this.columns = columns;
        this.settlement = settlement;
        this.incidentIo = incidentIo;
        this.serviceNow = serviceNow;
        this.links = links;
        this.mapper = mapper;
        this.conditions = conditions;
        this.inbox = inbox;
        this.runs = runs;
        this.json = json;
        this.settings = properties.reconciliation();
        this.table = properties.servicenow().incidentTable();
    }

    /** The scheduled run: incremental, for real. */
    public ReconciliationRun scheduled() {
        return run(false, false);
    }

    public ReconciliationRun run(boolean dryRun, boolean fullScan) {
        if (!oneAtATime.tryLock()) {
            throw new IllegalStateException("a reconciliation run is already in progress");
        }
        try {
            OffsetDateTime since = fullScan ? null : runs.lastSuccessfulStart().map(t -> t.minus(settings.overlap())).orElse(null);
            long id = runs.start(dryRun, fullScan, since == null ? null : since.toString());
            ReconciliationCounts counts = new ReconciliationCounts();
            List<String> details = new ArrayList<>();
            try {
                String after = null;
                do {
                    yieldToLiveTraffic();
                    JsonNode page = incidentIo.incidentPage(after, settings.pageSize(), since);
                    List<JsonNode> incidents = new ArrayList<>();
                    page.path("incidents").forEach(incidents::add);
                    reconcilePage(id, incidents, dryRun, counts, details);
                    after = page.path("pagination_meta").path("after").asText("");
                } while (!after.isEmpty());
                runs.finish(id, counts, "DONE", String.join("\n", details));
            } catch (RuntimeException e) {
                details.add("run failed: " + e.getMessage());
                runs.finish(id, counts, "FAILED", String.join("\n", details));
                meters.counter("bridge.reconciliation.runs", "mode", dryRun ? "dry-run" : "applied", "status", "failed").increment();
                throw e;
            }
            ReconciliationRun run = runs.recent(1).get(0);
            String mode = dryRun ? "dry-run" : "applied";
            meters.counter("bridge.reconciliation.runs", "mode", mode, "status", run.status().toLowerCase()).increment();
            meters.counter("bridge.reconciliation.checked", "mode", mode).increment(run.checked());
            meters.counter("bridge.reconciliation.created.records", "mode", mode).increment(run.created());
            meters.counter("bridge.reconciliation.repaired", "mode", mode).increment(run.repaired());
            meters.counter("bridge.reconciliation.deleted.links", "mode", mode).increment(run.deletedLinks());
            meters.counter("bridge.reconciliation.failed", "mode", mode).increment(run.failed());
            LOG.info("Reconciliation run {} ({}{}): checked {}, created {}, repaired {}, deleted links {}, failed {} in {} ms",
                    run.id(), dryRun ? "dry run" : "applied", fullScan ? ", all incidents" : "", run.checked(), run.created(),
                    run.repaired(), run.deletedLinks(), run.failed(), run.durationMillis());
            return run;
        } finally {
            oneAtATime.unlock();
        }
    }

    private void reconcilePage(long runId, List<JsonNode> incidents, boolean dryRun, ReconciliationCounts counts, List<String> details) {
        Map<String, RecordLink> linked = new HashMap<>();
        for (JsonNode incident : incidents) {
            links.find(RecordLink.Kind.INCIDENT, incident.path("id").asText()).ifPresent(l -> linked.put(l.sourceId(), l));
        }
        Map<String, ServiceNowRecord> bySysId = new HashMap<>();
        if (!linked.isEmpty()) {
            List<String> sysIds = linked.values().stream().map(RecordLink::sysId).toList();
            serviceNow.page(table, EncodedQuery.in("sys_id", sysIds), List.of(), sysIds.size(), 0)
                    .forEach(record -> bySysId.put(record.sysId(), record));
        }
        for (JsonNode incident : incidents) {
            counts.countChecked();
            try {
                reconcile(runId, incident, Optional.ofNullable(linked.get(incident.path("id").asText())), bySysId, dryRun, counts, details);
            } catch (RuntimeException e) {
                counts.countFailed();
                note(details, incident.path("reference").asText() + ": " + e.getMessage());
            }
        }
    }

    private void reconcile(long runId, JsonNode incident, Optional<RecordLink> link, Map<String, ServiceNowRecord> bySysId,
                           boolean dryRun, ReconciliationCounts counts, List<String> details) {
        String id = incident.path("id").asText();
        IncidentSnapshot snapshot = new IncidentSnapshot(id, OffsetDateTime.parse(incident.path("updated_at").asText()), incident);
        if (conditions.skipReason(snapshot) != null) {
            return;
        }
        Map<String, String> desired = columns.kept(table, mapper.map(snapshot).fields());
        String reference = snapshot.reference();
        if (link.isPresent()) {
            ServiceNowRecord record = bySysId.get(link.get().sysId());
            if (record == null) {
                counts.countDeletedLink();
                note(details, reference + ": its ServiceNow record " + link.get().number() + " (sys_id " + link.get().sysId()
                        + ") no longer exists");
                return;
            }
            FieldSettlement.Verdict drift = settlement.settle(FieldSettlement.Trigger.COMPARISON, desired,
                    link.get().syncedFields(), () -> record, snapshot.updatedAt());
            if (!drift.changesNothing()) {
                counts.countRepaired();
                note(details, reference + " -> " + record.number() + ": " + describe(drift) + (dryRun ? " would be repaired" : " repaired"));
                requeue(runId, incident, dryRun);
            }
            return;
        }
        Optional<ServiceNowRecord> existing = serviceNow.findOne(table,
                EncodedQuery.eq("correlation_id", id).andEq("correlation_display", desired.get("correlation_display")));
        if (existing.isEmpty()) {
            counts.countCreated();
            note(details, reference + ": no ServiceNow record" + (dryRun ? ", would be created" : ", created"));
            requeue(runId, incident, dryRun);
        } else if (!FieldDiff.changed(desired, existing.get().fields()).isEmpty()) {
            counts.countRepaired();
            note(details, reference + " -> " + existing.get().number() + ": unlinked and drifted" + (dryRun ? ", would be repaired" : ", repaired"));
            requeue(runId, incident, dryRun);
        }
    }

    private static String describe(FieldSettlement.Verdict drift) {
        List<String> fields = new ArrayList<>(drift.toServiceNow().keySet());
        drift.toIncidentIo().forEach(field -> fields.add(field.templateKey() + " in incident.io"));
        return fields.toString();
    }

    private void requeue(long runId, JsonNode incident, boolean dryRun) {
        if (dryRun) {
            return;
        }
        inbox.store(new InboundEvent(ClaimedIncident.OPERATOR, "reconcile-" + runId + "-" + incident.path("id").asText(),
                EVENT_TYPE, incident.path("id").asText(), EventJson.envelope(json, EVENT_TYPE, incident)));
    }

    private void yieldToLiveTraffic() {
        while (inbox.backlog() > settings.yieldWhenBacklogAbove()) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while yielding to live traffic", e);
            }
        }
    }

    private static void note(List<String> details, String line) {
        if (details.size() < MAX_DETAIL_LINES) {
            details.add(line);
        }
    }
}
