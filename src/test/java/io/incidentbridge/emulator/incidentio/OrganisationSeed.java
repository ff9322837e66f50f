package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings a fresh emulator starts with: a lifecycle with every status category incident.io has
 * (reference b.3), three severities (lower rank = less severe), one incident type, the lead role, a text custom
 * field for ServiceNow notes and a single-select "Team" (the teams of values.yaml's assignment_groups), and a few
 * users named after ServiceNow's demo users.
 */
final class OrganisationSeed {
    static final String SLUG = "incident-bridge-emulated";
    private final Ulids ids;
    private final String now;

    private OrganisationSeed(Ulids ids, String now) {
        this.ids = ids;
        this.now = now;
    }

    static Organisation create(Ulids ids, MicrosClock clock) {
        return new OrganisationSeed(ids, clock.next()).organisation();
    }

    /** An IncidentStatusV2 ({id, name, description, rank, category, created_at, updated_at}). */
    static ObjectNode status(String id, String now, String name, String description, String category, int rank) {
        return Json.object().put("id", id).put("name", name).put("description", description).put("rank", rank)
                .put("category", category).put("created_at", now).put("updated_at", now);
    }

    private Organisation organisation() {
        List<ObjectNode> statuses = new ArrayList<>();
        statuses.add(status("Triage", "We're checking whether this is a real incident.", "triage"));
        statuses.add(status("Investigating", "We're figuring out what's going on.", "live"));
        statuses.add(status("Fixing", "We know what's wrong and are working on a fix.", "live"));
        statuses.add(status("Monitoring", "A fix is in place; we're watching that it holds.", "live"));
        statuses.add(status("Paused", "Work has stopped for now and will resume later.", "paused"));
        ObjectNode documenting = status("Documenting", "Impact is over; we're writing up what we learned.", "learning");
        statuses.add(documenting);
        statuses.add(status("Closed", "The incident is over and the write-up is done.", "closed"));
        statuses.add(status("Declined", "This turned out not to be an incident.", "declined"));
        statuses.add(status("Canceled", "The incident was opened by mistake.", "canceled"));
        statuses.add(status("Merged", "Handled as part of another incident.", "merged"));
        PostIncidentFlow defaultFlow = new PostIncidentFlow(ids.next(), "Default post-incident flow", null,
                List.of(documenting.path("id").asText()));
        return new Organisation(SLUG, statuses, defaultFlow, severities(), incidentType(), List.of(leadRole()),
                List.of(notesField(), teamField()), users());
    }

    private ObjectNode status(String name, String description, String category) {
        return status(ids.next(), now, name, description, category, rankOf(name));
    }

    private static int rankOf(String name) {
        return List.of("Triage", "Investigating", "Fixing", "Monitoring", "Paused", "Documenting", "Closed", "Declined",
                "Canceled", "Merged").indexOf(name) + 1;
    }

    private List<ObjectNode> severities() {
        return List.of(severity("Minor", "Issues with low impact.", 1),
                severity("Major", "Issues causing significant customer impact.", 2),
                severity("Critical", "Issues causing severe, widespread customer impact.", 3));
    }

    private ObjectNode severity(String name, String description, int rank) {
        return Json.object().put("id", ids.next()).put("name", name).put("description", description).put("rank", rank)
                .put("created_at", now).put("updated_at", now);
    }

    private ObjectNode incidentType() {
        return Json.object().put("id", ids.next()).put("name", "Default").put("description", "Any incident")
                .put("is_default", true).put("private_incidents_only", false).put("create_in_triage", "optional")
                .put("created_at", now).put("updated_at", now);
    }

    private ObjectNode leadRole() {
        return Json.object().put("id", ids.next()).put("name", "Incident Lead").put("shortform", "lead")
                .put("description", "The person currently coordinating the incident")
                .put("instructions", "Take point on the incident; make sure people are clear on responsibilities")
                .put("role_type", "lead").put("required", true).put("created_at", now).put("updated_at", now);
    }

    private ObjectNode notesField() {
        ObjectNode field = Json.object().put("id", ids.next()).put("name", "ServiceNow notes")
                .put("description", "Notes kept in step with the ServiceNow record").put("field_type", "text");
        field.putArray("options");
        return field;
    }

    /** CustomFieldV2 with its options as CustomFieldOptionV1 ({id, custom_field_id, value, sort_key}). */
    private ObjectNode teamField() {
        String id = ids.next();
        ObjectNode field = Json.object().put("id", id).put("name", "Team")
                .put("description", "The team responding").put("field_type", "single_select");
        var options = field.putArray("options");
        List<String> teams = List.of("Payments", "Platform", "Data");
        for (int i = 0; i < teams.size(); i++) {
            options.addObject().put("id", ids.next()).put("custom_field_id", id).put("value", teams.get(i)).put("sort_key", (i + 1) * 10);
        }
        return field;
    }

    private List<ObjectNode> users() {
        return List.of(user("Abel Tuter", "abel.tuter@example.com", "U01ABELTUTER"),
                user("Beth Anglin", "beth.anglin@example.com", "U01BETHANGLIN"),
                user("David Loo", "david.loo@example.com", "U01DAVIDLOO"),
                user("Fred Luddy", "fred.luddy@example.com", "U01FREDLUDDY"));
    }

    private ObjectNode user(String name, String email, String slackUserId) {
        // role is deprecated in UserV2 but still sent (reference b.3)
        return Json.object().put("id", ids.next()).put("name", name).put("email", email).put("role", "responder")
                .put("slack_user_id", slackUserId);
    }
}
