package io.incidentbridge.emulator.incidentio;

import io.incidentbridge.emulator.core.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * What the one configured API key may do. incident.io expresses this as roles on the key, visible through
 * {@code GET /v1/identity}: {@code global_access} lets a key see private incidents, and
 * {@code post_incident_flow_opt_out} lets it close an incident without the post-incident flow
 * (role names as in incident.io's OpenAPI enum {@code APIKeyRoleV1Name}).
 */
final class ApiKeyPolicy {
    static final String KEY_NAME = "Incident Bridge";
    /** The key's id, as an updater ({@code api_key: {id, name}}) shows it; GET /v1/identity shows only the name. */
    static final String KEY_ID = "01HZY8KQ4W3X9B2VD7E6TNM5RA";
    /** "1,200 requests per minute per API key" (reference b.4). */
    static final int DEFAULT_PER_MINUTE = 1_200;
    private final String key;
    private volatile boolean privateIncidents;
    private volatile boolean closeWithoutPostIncident;
    private volatile int perMinute = DEFAULT_PER_MINUTE;

    ApiKeyPolicy(String key) {
        this.key = key;
    }

    boolean accepts(String bearer) {
        return key.equals(bearer);
    }

    boolean seesPrivateIncidents() {
        return privateIncidents;
    }

    void privateIncidents(boolean allowed) {
        privateIncidents = allowed;
    }

    boolean mayCloseWithoutPostIncident() {
        return closeWithoutPostIncident;
    }

    void closeWithoutPostIncident(boolean allowed) {
        closeWithoutPostIncident = allowed;
    }

    int perMinute() {
        return perMinute;
    }

    void perMinute(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the rate limit must be at least 1 request per minute");
        }
        perMinute = limit;
    }

    /** The key as an actor shows it: {@code {"id", "name"}}. */
    com.fasterxml.jackson.databind.node.ObjectNode actor() {
        return Json.object().put("id", KEY_ID).put("name", KEY_NAME);
    }

    List<String> roles() {
        List<String> roles = new ArrayList<>(List.of("viewer", "incident_creator", "incident_editor",
                "catalog_viewer", "catalog_editor"));
        if (privateIncidents) {
            roles.add("global_access");
        }
        if (closeWithoutPostIncident) {
            roles.add("post_incident_flow_opt_out");
        }
        return roles;
    }
}
