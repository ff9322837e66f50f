package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.Json;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * {@code POST/GET /v1/incident_attachments} and {@code DELETE /v1/incident_attachments/{id}} (reference b.4).
 * There is no ServiceNow resource type, so a ServiceNow record is pinned as an {@code arbitrary_url}; the
 * other types need an integration that the emulated organisation has not installed, and are refused.
 * The answer's resource is an ExternalResourceV1: {external_id, permalink, resource_type, title}.
 */
final class AttachmentRoutes {
    private static final Set<String> INTEGRATION_TYPES = Set.of("pager_duty_incident", "opsgenie_alert", "jira_issue",
            "jsm_alert", "zendesk_ticket", "github_pull_request", "gitlab_merge_request", "sentry_issue",
            "datadog_monitor_alert", "google_calendar_event", "statuspage_incident");
    private final Attachments attachments;
    private final VisibleIncidents visible;
    private final Ulids ids;

    AttachmentRoutes(Attachments attachments, VisibleIncidents visible, Ulids ids) {
        this.attachments = attachments;
        this.visible = visible;
        this.ids = ids;
    }

    void register(Router router) {
        router.add("POST", "/v1/incident_attachments", this::create)
                .add("GET", "/v1/incident_attachments", this::list)
                .add("DELETE", "/v1/incident_attachments/{id}", this::delete);
    }

    private ApiResponse create(ApiCall call) {
        JsonNode body = call.jsonBody();
        String incidentId = Json.text(body, "incident_id");
        if (incidentId == null) {
            throw ApiError.required("incident_id");
        }
        JsonNode resource = body.get("resource");
        if (resource == null || !resource.isObject()) {
            throw ApiError.required("resource");
        }
        ObjectNode stored = resource(resource);
        String id = visible.get(incidentId).path("id").asText();
        ObjectNode attachment = Json.object().put("id", ids.next()).put("incident_id", id);
        attachment.set("resource", stored);
        ObjectNode answer = Json.object();
        answer.set("incident_attachment", attachments.add(attachment));
        return ApiResponse.created(answer);
    }

    private static ObjectNode resource(JsonNode resource) {
        String type = Json.text(resource, "resource_type");
        if (type == null) {
            throw ApiError.required("resource.resource_type");
        }
        if (INTEGRATION_TYPES.contains(type)) {
            throw ApiError.invalid("resource.resource_type", "the integration for " + type + " is not installed");
        }
        if (!type.equals("arbitrary_url")) {
            throw ApiError.invalid("resource.resource_type", "unknown resource type " + type);
        }
        String url = Json.text(resource, "url") != null ? Json.text(resource, "url") : Json.text(resource, "external_id");
        if (url == null) {
            throw ApiError.validation("resource.url", "is_required", "an arbitrary_url attachment needs a url");
        }
        if (!isWebUrl(url)) {
            throw ApiError.invalid("resource.url", url + " is not an http(s) URL");
        }
        String externalId = Json.text(resource, "external_id") != null ? Json.text(resource, "external_id") : url;
        String title = Json.text(resource, "title") != null ? Json.text(resource, "title") : url;
        return Json.object().put("external_id", externalId).put("permalink", url).put("resource_type", type)
                .put("title", title);
    }

    private ApiResponse list(ApiCall call) {
        String incidentId = call.queryParam("incident_id");
        String externalId = call.queryParam("external_id");
        String resourceType = call.queryParam("resource_type");
        List<ObjectNode> found;
        if (incidentId != null) {
            found = visible.visibleId(incidentId)
                    ? attachments.forIncident(visible.get(incidentId).path("id").asText()) : List.of();
        } else if (externalId != null && resourceType != null) {
            found = attachments.forResource(externalId, resourceType).stream()
                    .filter(a -> visible.visibleId(a.path("incident_id").asText())).toList();
        } else {
            throw ApiError.required("incident_id");
        }
        ObjectNode body = Json.object();
        body.set("incident_attachments", Json.array(found));
        return ApiResponse.ok(body);
    }

    private ApiResponse delete(ApiCall call) {
        String id = call.pathParam(0);
        boolean visibleAttachment = attachments.all().stream()
                .anyMatch(a -> a.path("id").asText().equals(id) && visible.visibleId(a.path("incident_id").asText()));
        if (!visibleAttachment || !attachments.remove(id)) {
            throw ApiError.notFound("the incident attachment " + id);
        }
        return ApiResponse.noContent();
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
