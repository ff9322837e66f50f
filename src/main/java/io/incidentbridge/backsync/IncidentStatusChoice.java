package io.incidentbridge.backsync;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbridge.errors.FailureKind;
import io.incidentbridge.errors.PermanentFailure;
import io.incidentbridge.incidentio.IncidentIoClient;
import io.incidentbridge.mapping.MappingTemplates;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which incident.io status a ServiceNow state becomes for one incident, chosen so that incident.io's edit action takes
 * it (incident_status_id: moves within a category; resolving from triage or active to a post-incident or closed
 * status; closing from post-incident; a post-incident status must belong to the flow that applies to the incident).
 * <ul>
 *   <li>learning: the first status of the incident's post-incident flow. incident.io picks that flow by the incident's
 *       severity and other conditions and its API does not say which one applies, so {@code back_post_incident_status}
 *       in values.yaml names it per severity; without an entry, the lowest-ranked post-incident status (the first
 *       status of the flow, when there is one flow).</li>
 *   <li>No post-incident flow applies ({@code none} there, or an account without post-incident statuses): the closed
 *       status instead, which incident.io allows from triage or active statuses; from any other status the change is
 *       refused here, with the reason.</li>
 *   <li>paused: only where the account has a paused status; otherwise the status stays as it is.</li>
 *   <li>Any other category: its lowest-ranked status.</li>
 * </ul>
 * Closing straight from an active status needs the API key's "Close incidents by opting out of post-incident flow"
 * permission; incident.io answers 422 without it, which the back-sync dead-letters with incident.io's reason.
 */
@Component
public class IncidentStatusChoice {
    /** The values.yaml table: severity name (or "default") -> first status of the post-incident flow, or "none". */
    static final String POST_INCIDENT_STATUSES = "back_post_incident_status";
    static final String NO_FLOW = "none";
    private static final Set<String> RESOLVABLE = Set.of("triage", "live", "paused");
    private static final Logger LOG = LoggerFactory.getLogger(IncidentStatusChoice.class);

    private final IncidentIoClient incidentIo;
    private final MappingTemplates templates;

    public IncidentStatusChoice(IncidentIoClient incidentIo, MappingTemplates templates) {
        this.incidentIo = incidentIo;
        this.templates = templates;
    }

    /**
     * The id of the status to move {@code incident} (as incident.io returns it) to, or empty when it stays as it is.
     * {@code severity} is the severity name the incident has once the same edit is applied: incident.io chooses the
     * post-incident flow for the incident as edited.
     */
    public Optional<String> statusFor(JsonNode incident, String severity, String category) {
        Optional<JsonNode> status = choose(incident, severity, category, incidentIo.incidentStatuses(),
                templates.values().path(POST_INCIDENT_STATUSES));
        if (status.isEmpty() && "paused".equals(category)) {
            LOG.info("incident.io has no paused status: {} stays {}", incident.path("reference").asText(),
                    incident.path("incident_status").path("name").asText());
        }
        return status.map(s -> s.path("id").asText());
    }

    /** {@code statuses} as GET /v1/incident_statuses lists them; {@code postIncident} the values.yaml table. */
    static Optional<JsonNode> choose(JsonNode incident, String severity, String category, JsonNode statuses,
                                     JsonNode postIncident) {
        if (category.equals(incident.path("incident_status").path("category").asText())) {
            return Optional.empty();
        }
        return switch (category) {
            case "learning" -> Optional.of(postIncidentStatus(incident, severity, statuses, postIncident));
            case "paused" -> first(statuses, "paused");
            default -> Optional.of(first(statuses, category).orElseThrow(() -> new PermanentFailure(FailureKind.MAPPING,
                    "incident.io has no status of category " + category + " (back_state in values.yaml)")));
        };
    }

    private static JsonNode postIncidentStatus(JsonNode incident, String severity, JsonNode statuses, JsonNode postIncident) {
        String named = postIncident.path(severity == null ? "" : severity).asText(postIncident.path("default").asText(""));
        Optional<JsonNode> lowest = first(statuses, "learning");
        if (named.equals(NO_FLOW) || named.isEmpty() && lowest.isEmpty()) {
            return closedInstead(incident, statuses);
        }
        if (named.isEmpty()) {
            return lowest.get();
        }
        return stream(statuses).filter(s -> named.equals(s.path("name").asText()))
                .filter(s -> "learning".equals(s.path("category").asText())).findFirst()
                .orElseThrow(() -> new PermanentFailure(FailureKind.MAPPING, POST_INCIDENT_STATUSES + " in values.yaml names '" + named
                        + "' for severity '" + severity + "', which is not a post-incident status in incident.io"));
    }

    private static JsonNode closedInstead(JsonNode incident, JsonNode statuses) {
        JsonNode current = incident.path("incident_status");
        if (!RESOLVABLE.contains(current.path("category").asText())) {
            throw new PermanentFailure(FailureKind.TRANSITION_REFUSED, incident.path("reference").asText() + " has no post-incident"
                    + " flow to resolve into, and incident.io closes only triage or active incidents through the API; it is "
                    + current.path("category").asText() + " '" + current.path("name").asText() + "'");
        }
        return first(statuses, "closed").orElseThrow(() -> new PermanentFailure(FailureKind.MAPPING,
                "incident.io has no post-incident and no closed status to resolve " + incident.path("reference").asText() + " into"));
    }

    private static Optional<JsonNode> first(JsonNode statuses, String category) {
        return stream(statuses).filter(s -> category.equals(s.path("category").asText()))
                .min(Comparator.comparingDouble(s -> s.path("rank").asDouble()));
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode statuses) {
        return StreamSupport.stream(statuses.spliterator(), false);
    }
}
