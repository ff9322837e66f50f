package io.incidentbridge.sync;

import io.incidentbridge.model.IncidentSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbridge.config.BridgeProperties;
import org.springframework.stereotype.Component;

/** Which incidents are synced (bridge.sync.conditions), like the conditions on incident.io's own ticket templates. */
@Component
public class SyncConditions {
    private final BridgeProperties.Conditions conditions;

    public SyncConditions(BridgeProperties properties) {
        this.conditions = properties.sync().conditions();
    }

    /** Why this incident is not synced, or null when it is. */
    public String skipReason(IncidentSnapshot snapshot) {
        JsonNode incident = snapshot.incident();
        if ("private".equals(incident.path("visibility").asText()) && !conditions.includePrivate()) {
            return "private incidents are not synced (bridge.sync.conditions.include-private)";
        }
        String mode = incident.path("mode").asText("standard");
        if (!conditions.modes().isEmpty() && !conditions.modes().contains(mode)) {
            return "mode " + mode + " is not in bridge.sync.conditions.modes";
        }
        String severity = incident.path("severity").path("name").asText("");
        if (!conditions.severities().isEmpty() && !conditions.severities().contains(severity)) {
            return "severity '" + severity + "' is not in bridge.sync.conditions.severities";
        }
        String type = incident.path("incident_type").path("name").asText("");
        if (!conditions.incidentTypes().isEmpty() && !conditions.incidentTypes().contains(type)) {
            return "incident type '" + type + "' is not in bridge.sync.conditions.incident-types";
        }
        return null;
    }
}
