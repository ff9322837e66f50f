package io.incidentbridge.servicenow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.errors.HttpFailureClassifier;
import io.incidentbridge.errors.PermanentFailure;
import io.incidentbridge.errors.TransientFailure;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The ServiceNow Table API, authorised by {@link ServiceNowOAuthProcessor}. A 401 means the token was
 * revoked or expired early: drop it, get another, and replay the request once (the bound matters: a
 * second 401 is reported, not looped on).
 */
@Component
public class ServiceNowTableClient {
    private final BridgeProperties.ServiceNow settings;
    private final ServiceNowOAuthProcessor oauth;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    public ServiceNowTableClient(BridgeProperties properties, ServiceNowOAuthProcessor oauth, HttpClient http,
                                 ObjectMapper json, Clock clock, MeterRegistry meters) {
        this.settings = properties.servicenow();
        this.oauth = oauth;
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    /** The first record matching {@code query}, with only {@code fields} if any are named. */
    public Optional<ServiceNowRecord> findOne(String table, EncodedQuery query, String... fields) {
        String path = "/api/now/table/" + table + "?sysparm_query=" + encode(query.toString())
                + (fields.length == 0 ? "" : "&sysparm_fields=" + encode(String.join(",", fields)))
                + "&sysparm_exclude_reference_link=true&sysparm_limit=1";
        JsonNode result = call("GET", table, path, null).path("result");
        return result.isArray() && result.size() > 0 ? Optional.of(record(table, result.get(0))) : Optional.empty();
    }

    /** One page of records matching {@code query}, in the query's order, with only {@code fields} (all when empty). */
    public java.util.List<ServiceNowRecord> page(String table, EncodedQuery query, java.util.List<String> fields, int limit, int offset) {
        String path = "/api/now/table/" + table + "?sysparm_query=" + encode(query.toString())
                + (fields.isEmpty() ? "" : "&sysparm_fields=" + encode(String.join(",", fields)))
                + "&sysparm_exclude_reference_link=true&sysparm_suppress_pagination_header=true"
                + "&sysparm_limit=" + limit + "&sysparm_offset=" + offset;
        java.util.List<ServiceNowRecord> records = new java.util.ArrayList<>();
        call("GET", table, path, null).path("result").forEach(node -> records.add(record(table, node)));
        return records;
    }

    /** The record as ServiceNow holds it now, or empty if it does not exist (or the user may not see it). */
    public Optional<ServiceNowRecord> get(String table, String sysId) {
        try {
            return Optional.of(record(table, call("GET", table, "/api/now/table/" + table + "/" + encode(sysId)
                    + "?sysparm_exclude_reference_link=true", null).path("result")));
        } catch (PermanentFailure e) {
            if ("http-404".equals(e.kind())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public ServiceNowRecord create(String table, Map<String, String> fields) {
        String path = "/api/now/table/" + table + "?sysparm_exclude_reference_link=true";
        return record(table, call("POST", table, path, fields).path("result"));
    }

    public ServiceNowRecord update(String table, String sysId, Map<String, String> fields) {
        String path = "/api/now/table/" + table + "/" + encode(sysId) + "?sysparm_exclude_reference_link=true";
        return record(table, call("PATCH", table, path, fields).path("result"));
    }

    /** The record's address in the ServiceNow UI, for the link pinned in incident.io. */
    public String recordUrl(String table, String sysId) {
        return settings.baseUrl() + "/nav_to.do?uri=" + table + ".do?sys_id=" + sysId;
    }

    /**
     * A request whose status is the answer (the connection check): how many rows the query matches before ACLs
     * (X-Total-Count) and how many came back after them.
     */
    public Probe probe(String method, String table, String pathAndQuery, Map<String, String> body) {
        HttpResponse<String> response = exchange(method, table, pathAndQuery, body);
        int total = response.headers().firstValue("X-Total-Count").map(Integer::parseInt).orElse(-1);
        int returned = 0;
        if (response.statusCode() / 100 == 2 && "GET".equals(method)) {
            JsonNode result = parse(response.body(), method + " " + table).path("result");
            returned = result.isArray() ? result.size() : 1;
        }
        return new Probe(response.statusCode(), total, returned, errorReason(response.body()));
    }

    public record Probe(int status, int total, int returned, String reason) {
    }

    private HttpResponse<String> exchange(String method, String table, String pathAndQuery, Map<String, String> body) {
        String token = oauth.accessToken();
        HttpResponse<String> response = send(method, table, pathAndQuery, body, token);
        if (response.statusCode() == 401) {
            oauth.rejected(token);
            response = send(method, table, pathAndQuery, body, oauth.accessToken());
        }
        return response;
    }

    private JsonNode call(String method, String table, String pathAndQuery, Map<String, String> body) {
        HttpResponse<String> response = exchange(method, table, pathAndQuery, body);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return parse(response.body(), method + " " + table);
        }
        throw HttpFailureClassifier.fromStatus("ServiceNow", method + " " + table, status,
                errorReason(response.body()), response.headers().firstValue("Retry-After"), clock);
    }

    private HttpResponse<String> send(String method, String table, String pathAndQuery, Map<String, String> body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + pathAndQuery))
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(toJson(body)));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            meters.counter("bridge.servicenow.calls", "method", method, "table", table,
                    "status", Integer.toString(response.statusCode())).increment();
            return response;
        } catch (IOException e) {
            meters.counter("bridge.servicenow.calls", "method", method, "table", table, "status", "io-error").increment();
            throw HttpFailureClassifier.fromIo("ServiceNow", method + " " + table, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("interrupted during ServiceNow " + method + " " + table, e);
        }
    }

    private ServiceNowRecord record(String table, JsonNode node) {
        if (!node.isObject()) {
            throw new TransientFailure("ServiceNow answered " + table + " without a result record");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            fields.put(field.getKey(), value.isObject() ? value.path("value").asText("") : value.asText(""));
        }
        return new ServiceNowRecord(table, fields);
    }

    private JsonNode parse(String body, String call) {
        try {
            return json.readTree(body == null || body.isEmpty() ? "{}" : body);
        } catch (JsonProcessingException e) {
            // A transaction cancelled mid-stream comes back as 200 with truncated JSON (reference §4).
            throw new TransientFailure("ServiceNow answered " + call + " with a body that is not JSON", e);
        }
    }

    private String errorReason(String body) {
        try {
            JsonNode error = json.readTree(body).path("error");
            String message = error.path("message").asText("");
            String detail = error.path("detail").isNull() ? "" : error.path("detail").asText("");
            return detail.isEmpty() ? message : message + " (" + detail + ")";
        } catch (IOException | RuntimeException notJson) {
            return body == null ? "" : body.substring(0, Math.min(200, body.length()));
        }
    }

    private String toJson(Map<String, String> body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new PermanentFailure("mapping", "fields cannot be written as JSON", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
