package io.incidentbridge.backsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.backsync.BothSides.Change;
import io.incidentbridge.inbox.ClaimedIncident;
import io.incidentbridge.inbox.EventJson;
import io.incidentbridge.inbox.InboxOutcomes;
import io.incidentbridge.incidentio.IncidentIoClient;
import io.incidentbridge.mapping.IncidentMapper;
import io.incidentbridge.model.IncidentSnapshot;
import io.incidentbridge.model.MappedIncident;
import io.incidentbridge.servicenow.ServiceNowColumns;
import io.incidentbridge.servicenow.ServiceNowRecord;
import io.incidentbridge.servicenow.ServiceNowTableClient;
import io.incidentbridge.sync.RecordLink;
import io.incidentbridge.sync.RecordLinkRepository;
import io.incidentbridge.sync.SyncOutcome;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Loads {@link BothSides} for one claim, once. The incident and its mapping are the forward route's (variable
 * {@value MappedIncident#VARIABLE}): incident.io is not asked again. Only what the changes need is read from
 * ServiceNow: the incident record and its new notes when the incident is to be settled, and each changed task.
 * A change the integration user made (an echo) loads nothing.
 */
@Component
public class ServiceNowChangeLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceNowChangeLoader.class);

    private final ServiceNowChangeDecision decision;
    private final RecordLinkRepository links;
    private final ServiceNowTableClient serviceNow;
    private final ServiceNowJournal journal;
    private final IncidentIoClient incidentIo;
    private final IncidentMapper mapper;
    private final ObjectMapper json;
    private final ServiceNowColumns columns;

    public ServiceNowChangeLoader(ServiceNowChangeDecision decision, RecordLinkRepository links, ServiceNowTableClient serviceNow,
                                  ServiceNowJournal journal, IncidentIoClient incidentIo, IncidentMapper mapper, ObjectMapper json,
                                  ServiceNowColumns columns) {
        this.columns = columns;
        this.decision = decision;
        this.links = links;
        this.serviceNow = serviceNow;
        this.journal = journal;
        this.incidentIo = incidentIo;
        this.mapper = mapper;
        this.json = json;
    }

    public BothSides load(@Variable(InboxOutcomes.CLAIM) ClaimedIncident claim, @Body SyncOutcome outcome,
                          @Variable(MappedIncident.VARIABLE) MappedIncident mapped) {
        List<Change> changes = changes(claim);
        boolean settled = decision.trigger(claim.requestedByOperator(), changes, outcome.serviceNowAhead()).isPresent();
        RecordLink link = outcome.link();
        Map<String, ServiceNowRecord> tasks = tasks(changes);
        if (!settled) {
            return new BothSides(mapped, link, claim.requestedByOperator(), outcome.serviceNowAhead(), changes,
                    Optional.empty(), List.of(), tasks);
        }
        Optional<ServiceNowRecord> record = serviceNow.get(link.table(), link.sysId());
        if (record.isEmpty()) {
            LOG.warn("ServiceNow {} linked to {} no longer exists: nothing flows back (reconciliation reports it)",
                    link.number(), link.sourceReference());
        }
        // Compared as ServiceNow keeps them: a value longer than its column is held cut (ServiceNowColumns).
        MappedIncident incident = incident(mapped, outcome);
        MappedIncident kept = new MappedIncident(incident.snapshot(), columns.kept(link.table(), incident.fields()));
        return new BothSides(kept, link, claim.requestedByOperator(), outcome.serviceNowAhead(),
                changes, record, record.isPresent() ? notes(changes) : List.of(), tasks);
    }

    /** The claim's ServiceNow changes, oldest first, each with its record's link. */
    private List<Change> changes(ClaimedIncident claim) {
        return claim.events().stream().filter(e -> ServiceNowCallbackParser.SOURCE.equals(e.source()))
                .map(event -> EventJson.document(json, event))
                .sorted(Comparator.comparingLong(c -> c.path("sys_mod_count").asLong()))
                .map(this::change).toList();
    }

    private Change change(JsonNode document) {
        String sysId = document.path("sys_id").asText();
        String updatedBy = document.path("sys_updated_by").asText();
        // The body only says from when: the entries themselves are read from ServiceNow (ServiceNowJournal).
        String since = document.hasNonNull("journal_since") ? document.path("journal_since").asText()
                : document.path("sys_updated_on").asText();
        Change unlinked = new Change(sysId, updatedBy, since, null);
        return decision.isEcho(unlinked) ? unlinked : new Change(sysId, updatedBy, since, links.findBySysId(sysId).orElse(null));
    }

    /** The work notes and comments since the earliest announced change, as ServiceNow holds them. */
    private List<JsonNode> notes(List<Change> changes) {
        String since = null;
        String of = null;
        for (Change change : changes) {
            if (!decision.isEcho(change) && change.ofIncident()) {
                if (ServiceNowJournal.isTime(change.journalSince()) && (since == null || change.journalSince().compareTo(since) < 0)) {
                    since = change.journalSince();
                }
                of = change.link().sysId();
            }
        }
        return since == null || of == null ? List.of() : journal.since(of, since);
    }

    /** The tasks the changes name, read by sys_id as ServiceNow holds them now (not as a callback's body says). */
    private Map<String, ServiceNowRecord> tasks(List<Change> changes) {
        Map<String, ServiceNowRecord> tasks = new HashMap<>();
        Set<String> read = new HashSet<>();
        for (Change change : changes) {
            if (decision.isEcho(change) || !change.ofFollowUp() || !read.add(change.sysId())) {
                continue;
            }
            RecordLink link = change.link();
            Optional<ServiceNowRecord> task = serviceNow.get(link.table(), link.sysId());
            if (task.isPresent()) {
                tasks.put(change.sysId(), task.get());
            } else {
                LOG.warn("ServiceNow {} linked to follow-up {} no longer exists: its status does not flow back", link.number(),
                        link.sourceId());
            }
        }
        return tasks;
    }

    /**
     * The forward route's incident, unless it was older than the one last synced (a late webhook): then ServiceNow is
     * settled against the incident as incident.io holds it now, as the forward mapping left nothing to compare with.
     */
    private MappedIncident incident(MappedIncident mapped, SyncOutcome outcome) {
        if (outcome.action() != SyncOutcome.Action.STALE) {
            return mapped;
        }
        return mapper.map(IncidentSnapshot.of(incidentIo.incident(outcome.link().incidentId())));
    }
}
