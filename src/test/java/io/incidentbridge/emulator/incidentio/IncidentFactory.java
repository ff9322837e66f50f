package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.Json;
import java.util.Locale;
import java.util.Set;

/**
 * Builds a new IncidentV2 object with exactly the field names of incident.io's OpenAPI document (reference
 * b.3). The declaring user becomes the incident lead, as happens when someone declares an incident in Slack.
 */
final class IncidentFactory {
    static final Set<String> MODES = Set.of("standard", "retrospective", "test", "tutorial");
    static final Set<String> VISIBILITIES = Set.of("public", "private");
    /** Slack workspace id in the shape of the OpenAPI examples. */
    static final String SLACK_TEAM_ID = "T02A1FSLE8J";
    private final Organisation organisation;
    private final Ulids ids;
    private final MicrosClock clock;

    IncidentFactory(Organisation organisation, Ulids ids, MicrosClock clock) {
        this.organisation = organisation;
        this.ids = ids;
        this.clock = clock;
    }

    ObjectNode build(IncidentSpec spec, int number) {
        if (!MODES.contains(spec.mode()) || !VISIBILITIES.contains(spec.visibility())) {
            throw new IllegalArgumentException("mode must be one of " + MODES + " and visibility one of " + VISIBILITIES);
        }
        ObjectNode creator = organisation.users().get(0);
        String now = clock.next();
        ObjectNode incident = Json.object();
        incident.put("id", ids.next());
        incident.put("reference", "INC-" + number);
        incident.put("name", spec.name());
        incident.put("summary", spec.summary());
        incident.put("permalink", "https://app.incident.io/" + organisation.slug() + "/incidents/" + number);
        incident.set("incident_status", organisation.statusNamed(spec.statusName()));
        incident.set("severity", spec.severityName() == null ? null : organisation.severityNamed(spec.severityName()));
        incident.put("mode", spec.mode());
        incident.put("visibility", spec.visibility());
        incident.set("incident_type", organisation.incidentType());
        incident.putObject("creator").set("user", creator);
        incident.set("custom_field_entries", customFieldEntries());
        incident.set("incident_role_assignments", roleAssignments(creator));
        incident.putNull("external_issue_reference");
        incident.put("slack_team_id", SLACK_TEAM_ID);
        incident.put("slack_channel_id", "C" + ids.next().substring(16));
        incident.put("slack_channel_name", channelName(number, spec.name()));
        incident.put("created_at", now);
        incident.put("updated_at", now);
        return incident;
    }

    /** Every custom field is listed, with no values until one is set. */
    private ArrayNode customFieldEntries() {
        ArrayNode entries = Json.MAPPER.createArrayNode();
        for (ObjectNode field : organisation.customFields()) {
            ObjectNode entry = entries.addObject();
            entry.set("custom_field", field.retain("id", "name", "description", "field_type", "options"));
            entry.putArray("values");
        }
        return entries;
    }

    private ArrayNode roleAssignments(ObjectNode creator) {
        ArrayNode assignments = Json.MAPPER.createArrayNode();
        for (ObjectNode role : organisation.roles()) {
            ObjectNode assignment = assignments.addObject();
            assignment.set("role", role);
            if ("lead".equals(role.path("role_type").asText())) {
                assignment.set("assignee", creator);
            }
        }
        return assignments;
    }

    private static String channelName(int number, String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "inc-" + number + (slug.isEmpty() ? "" : "-" + slug);
    }
}
