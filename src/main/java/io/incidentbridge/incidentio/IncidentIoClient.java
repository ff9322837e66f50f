package io.incidentbridge.incidentio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.errors.HttpFailureClassifier;
import io.incidentbridge.errors.TransientFailure;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * The parts of incident.io's public API the bridge calls, as typed calls. Each goes through the route
 * {@code direct:incident-io-api} (authorise, scrub headers, the API's http endpoint, classify the answer), so it
 * shows in Camel's registry; failures arrive as the shared failure types.
 */
@Component
public class IncidentIoClient {
    private final ProducerTemplate camel;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    public IncidentIoClient(ProducerTemplate camel, ObjectMapper json, MeterRegistry meters) {
        this.camel = camel;
        this.json = json;
        this.meters = meters;
    }

    public JsonNode incident(String id) {
        return call("GET", "/v2/incidents/" + encode(id), null).path("incident");
    }

    /** One page of incidents (oldest first), updated at or after {@code updatedSince} when given. */
    public JsonNode incidentPage(String after, int pageSize, java.time.OffsetDateTime updatedSince) {
        String query = "?page_size=" + pageSize + "&sort_by=created_at_oldest_first"
                + (after == null ? "" : "&after=" + encode(after))
                + (updatedSince == null ? "" : "&" + encode("updated_at[gte]") + "=" + encode(updatedSince.toString()));
        return call("GET", "/v2/incidents" + query, null);
    }

    /** POST /v2/incidents/{id}/actions/edit: only the given fields change. Returns the incident as it is now. */
    public JsonNode editIncident(String id, ObjectNode fields, boolean notifyIncidentChannel) {
        ObjectNode body = json.createObjectNode();
        body.set("incident", fields);
        body.put("notify_incident_channel", notifyIncidentChannel);
        return call("POST", "/v2/incidents/" + encode(id) + "/actions/edit", body).path("incident");
    }

    /** PUT /v2/follow_ups/{id}: title and status are both required. */
    public void updateFollowUp(String id, String title, String status) {
        call("PUT", "/v2/follow_ups/" + encode(id), json.createObjectNode().put("title", title).put("status", status));
    }

    public JsonNode severities() {
        return call("GET", "/v1/severities", null).path("severities");
    }

    public JsonNode incidentStatuses() {
        return call("GET", "/v1/incident_statuses", null).path("incident_statuses");
    }

    /** The organisation's custom fields (CustomFieldV2, with their options). */
    /** The API key's own identity ({@code name, roles, ...}) from {@code GET /v1/identity}. */
    public JsonNode identity() {
        return call("GET", "/v1/identity", null).path("identity");
    }

    public JsonNode customFields() {
        return call("GET", "/v2/custom_fields", null).path("custom_fields");
    }

    /** Whether incident.io has a user with this email (compared without regard to case). */
    public boolean hasUser(String email) {
        return call("GET", "/v2/users?page_size=1&email=" + encode(email), null).path("users").size() > 0;
    }

    public JsonNode followUp(String id) {
        return call("GET", "/v2/follow_ups/" + encode(id), null).path("follow_up");
    }

    /** Links a follow-up to its external issue; incident.io allows this once per follow-up. */
    public void connectExternalIssue(String followUpId, String provider, String url) {
        ObjectNode body = json.createObjectNode().put("provider", provider).put("url", url);
        call("POST", "/v2/follow_ups/" + encode(followUpId) + "/actions/connect_external_issue", body);
    }

    /** Every status update posted on the incident, all pages. */
    public java.util.List<JsonNode> incidentUpdates(String incidentId) {
        java.util.List<JsonNode> updates = new java.util.ArrayList<>();
        String after = null;
        do {
            JsonNode page = call("GET", "/v2/incident_updates?incident_id=" + encode(incidentId) + "&page_size=250"
                    + (after == null ? "" : "&after=" + encode(after)), null);
            page.path("incident_updates").forEach(updates::add);
            after = page.path("pagination_meta").path("after").asText(null);
        } while (after != null && !after.isEmpty());
        return updates;
    }

    /** The id of the catalog type with this name, creating it if there is none. */
    public String catalogType(String name) {
        for (JsonNode type : call("GET", "/v3/catalog_types", null).path("catalog_types")) {
            if (name.equals(type.path("name").asText())) {
                return type.path("id").asText();
            }
        }
        ObjectNode body = json.createObjectNode().put("name", name)
                .put("description", "Imported from the ServiceNow CMDB by Incident Bridge");
        return call("POST", "/v3/catalog_types", body).path("catalog_type").path("id").asText();
    }

    /** The catalog entry whose id, external id or alias is {@code identifier}, if any. */
    public java.util.Optional<String> findCatalogEntry(String typeId, String identifier) {
        JsonNode entries = call("GET", "/v3/catalog_entries?catalog_type_id=" + encode(typeId) + "&page_size=1&identifier="
                + encode(identifier), null).path("catalog_entries");
        return entries.size() > 0 ? java.util.Optional.of(entries.get(0).path("id").asText()) : java.util.Optional.empty();
    }

    public String createCatalogEntry(String typeId, String name, String externalId, java.util.List<String> aliases) {
        return call("POST", "/v3/catalog_entries", catalogEntry(typeId, name, externalId, aliases)).path("catalog_entry").path("id").asText();
    }

    public void updateCatalogEntry(String entryId, String typeId, String name, String externalId, java.util.List<String> aliases) {
        call("PUT", "/v3/catalog_entries/" + encode(entryId), catalogEntry(typeId, name, externalId, aliases));
    }

    public void deleteCatalogEntry(String entryId) {
        call("DELETE", "/v3/catalog_entries/" + encode(entryId), null);
    }

    private ObjectNode catalogEntry(String typeId, String name, String externalId, java.util.List<String> aliases) {
        ObjectNode body = json.createObjectNode().put("catalog_type_id", typeId).put("name", name).put("external_id", externalId);
        aliases.forEach(body.putArray("aliases")::add);
        body.putObject("attribute_values");
        return body;
    }

    public JsonNode attachments(String incidentId) {
        return call("GET", "/v1/incident_attachments?incident_id=" + encode(incidentId), null).path("incident_attachments");
    }

    public void attachLink(String incidentId, String url, String title) {
        ObjectNode body = json.createObjectNode();
        body.put("incident_id", incidentId);
        ObjectNode resource = body.putObject("resource");
        resource.put("resource_type", "arbitrary_url");
        // The reference gives "external_id | url" for the resource; an arbitrary_url is identified by the URL itself.
        resource.put("external_id", url);
        resource.put("url", url);
        resource.put("title", title);
        call("POST", "/v1/incident_attachments", body);
    }

    private JsonNode call(String method, String pathAndQuery, JsonNode body) {
        int q = pathAndQuery.indexOf('?');
        String call = method + " " + pathOnly(pathAndQuery);
        Exchange answer = camel.send(IncidentIoAnswers.ROUTE, exchange -> {
            exchange.setProperty(IncidentIoAnswers.CALL, call);
            exchange.getIn().setHeader(Exchange.HTTP_METHOD, method);
            exchange.getIn().setHeader(Exchange.HTTP_PATH, q < 0 ? pathAndQuery : pathAndQuery.substring(0, q));
            if (q >= 0) {
                exchange.getIn().setHeader(Exchange.HTTP_QUERY, pathAndQuery.substring(q + 1));
            }
            exchange.getIn().setHeader("Accept", "application/json");
            exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
            exchange.getIn().setBody(body == null ? null : body.toString());
        });
        Integer status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        counted(method, status == null ? "io-error" : String.valueOf(status));
        if (answer.getException() != null) {
            throw HttpFailureClassifier.fromCall("incident.io", call, answer.getException());
        }
        return read(answer.getMessage().getBody(String.class));
    }

    private void counted(String method, String status) {
        meters.counter("bridge.incidentio.calls", "method", method, "status", status).increment();
    }

    private JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new TransientFailure("incident.io answered with a body that is not JSON", e);
        }
    }

    private static String pathOnly(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
