package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.Json;

/**
 * {@code POST /v2/incidents/{id}/actions/edit}: both {@code incident} and {@code notify_incident_channel} are
 * required, and only the fields present in {@code incident} change (reference b.4). Runs inside the store's
 * change, on a copy, so a refusal part-way leaves the incident as it was. Severity is applied before the status
 * so that the post-incident flow is chosen for the incident as edited.
 */
final class IncidentEdit {
    private final Organisation organisation;
    private final StatusTransitions transitions;
    private final CustomFieldEntries customFields;
    private final RoleAssignments roles;

    IncidentEdit(Organisation organisation, StatusTransitions transitions) {
        this.organisation = organisation;
        this.transitions = transitions;
        this.customFields = new CustomFieldEntries(organisation);
        this.roles = new RoleAssignments(organisation);
    }

    /** Refuses a malformed request before the incident is even looked at. */
    static JsonNode changes(JsonNode body) {
        JsonNode notify = body.get("notify_incident_channel");
        if (notify == null || notify.isNull()) {
            throw ApiError.required("notify_incident_channel");
        }
        if (!notify.isBoolean()) {
            throw ApiError.invalid("notify_incident_channel", "notify_incident_channel must be true or false");
        }
        JsonNode incident = body.get("incident");
        if (incident == null || incident.isNull()) {
            throw ApiError.required("incident");
        }
        if (!incident.isObject()) {
            throw ApiError.invalid("incident", "incident must be an object");
        }
        return incident;
    }

    void apply(ObjectNode incident, JsonNode changes) {
        if (changes.has("name")) {
            String name = Json.text(changes, "name");
            if (name == null || name.isBlank()) {
                throw ApiError.invalid("name", "name must not be empty");
            }
            incident.put("name", name);
        }
        copyText(changes, "summary", incident, "summary");
        copyText(changes, "call_url", incident, "call_url");
        copyText(changes, "slack_channel_name_override", incident, "slack_channel_name");
        String severityId = Json.text(changes, "severity_id");
        if (severityId != null) {
            incident.set("severity", organisation.severity(severityId)
                    .orElseThrow(() -> ApiError.invalid("severity_id", "no severity with id " + severityId)));
        }
        if (changes.has("custom_field_entries")) {
            customFields.apply(incident, changes.get("custom_field_entries"));
        }
        if (changes.has("incident_role_assignments")) {
            roles.apply(incident, changes.get("incident_role_assignments"));
        }
        JsonNode timestamps = changes.path("incident_timestamp_values");
        if (timestamps.isArray() && timestamps.size() > 0) {
            // The emulated organisation has no incident timestamps configured, so any id is unknown.
            throw ApiError.invalid("incident_timestamp_values[0].incident_timestamp_id",
                    "no incident timestamp " + timestamps.get(0).path("incident_timestamp_id").asText());
        }
        String statusId = Json.text(changes, "incident_status_id");
        if (statusId != null) {
            ObjectNode target = organisation.status(statusId)
                    .orElseThrow(() -> ApiError.invalid("incident_status_id", "no incident status with id " + statusId));
            transitions.check(incident, target);
            incident.set("incident_status", target);
        }
    }

    private static void copyText(JsonNode changes, String from, ObjectNode incident, String to) {
        if (changes.has(from)) {
            incident.put(to, Json.text(changes, from));
        }
    }
}
