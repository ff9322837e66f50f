package io.incidentbridge.servicenow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.errors.FailureKind;
import io.incidentbridge.errors.HttpFailureClassifier;
import io.incidentbridge.errors.PermanentFailure;
import io.incidentbridge.errors.TransientFailure;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * The ServiceNow Table API as typed calls. Each call goes through the route {@code direct:servicenow-table-api}
 * (authorise, scrub headers, the instance's http endpoint, classify the answer), so Camel sees every request.
 * A 401 means the token was revoked or expired early: the route drops it, and this replays the request once
 * with another (the bound matters: a second 401 is reported, not looped on).
 */
@Component
public class ServiceNowTableClient {
    private final BridgeProperties.ServiceNow settings;
    private final ServiceNowAuthorisation auth;
    private final ServiceNowCalls answers;
    private final ProducerTemplate camel;
    private final ObjectMapper json;
    private final ServiceNowColumns columns;

    public ServiceNowTableClient(BridgeProperties properties, ServiceNowAuthorisation auth, ServiceNowCalls answers,
                                ProducerTemplate camel, ObjectMapper json, ServiceNowColumns columns) {
        this.settings = properties.servicenow();
        this.columns = columns;
        this.auth = auth;
        this.answers = answers;
        this.camel = camel;
        this.json = json;
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
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Creates a record; its answer, the row as stored, teaches {@link ServiceNowColumns} the columns that cut a value. */
    public ServiceNowRecord create(String table, Map<String, String> fields) {
        String path = "/api/now/table/" + table + "?sysparm_exclude_reference_link=true";
        return learnt(table, fields, record(table, call("POST", table, path, fields).path("result")));
    }

    /** Updates a record; its answer, the row as stored, teaches {@link ServiceNowColumns} the columns that cut a value. */
    public ServiceNowRecord update(String table, String sysId, Map<String, String> fields) {
        String path = "/api/now/table/" + table + "/" + encode(sysId) + "?sysparm_exclude_reference_link=true";
        return learnt(table, fields, record(table, call("PATCH", table, path, fields).path("result")));
    }

    private ServiceNowRecord learnt(String table, Map<String, String> sent, ServiceNowRecord stored) {
        columns.learn(table, sent, stored);
        return stored;
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
        Exchange answer = exchange(method, table, pathAndQuery, body, true);
        int status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String text = answer.getMessage().getBody(String.class);
        int total = Optional.ofNullable(answer.getMessage().getHeader("X-Total-Count", String.class)).map(Integer::parseInt).orElse(-1);
        int returned = 0;
        if (status / 100 == 2 && "GET".equals(method)) {
            JsonNode result = parse(text, method + " " + table).path("result");
            returned = result.isArray() ? result.size() : 1;
        }
        return new Probe(status, total, returned, status / 100 == 2 ? "" : answers.errorReason(text));
    }

    public record Probe(int status, int total, int returned, String reason) {
    }

    private JsonNode call(String method, String table, String pathAndQuery, Map<String, String> body) {
        return parse(exchange(method, table, pathAndQuery, body, false).getMessage().getBody(String.class), method + " " + table);
    }

    private Exchange exchange(String method, String table, String pathAndQuery, Map<String, String> body, boolean statusIsAnswer) {
        try {
            return send(method, table, pathAndQuery, body, statusIsAnswer, false);
        } catch (TransientFailure e) {
            if (e.kind() != FailureKind.UNAUTHORISED || auth.basic()) {
                throw e;
            }
            return send(method, table, pathAndQuery, body, statusIsAnswer, true);
        }
    }

    private Exchange send(String method, String table, String pathAndQuery, Map<String, String> body,
                          boolean statusIsAnswer, boolean replay) {
        int q = pathAndQuery.indexOf('?');
        String call = method + " " + table;
        Exchange answer = camel.send(ServiceNowCalls.TABLE_ROUTE, exchange -> {
            exchange.setProperty(ServiceNowCalls.CALL, call);
            exchange.setProperty(ServiceNowCalls.TABLE, table);
            exchange.setProperty(ServiceNowCalls.METHOD, method);
            exchange.setProperty(ServiceNowCalls.STATUS_IS_ANSWER, statusIsAnswer);
            exchange.setProperty(ServiceNowCalls.REPLAY, replay);
            exchange.getIn().setHeader(Exchange.HTTP_METHOD, method);
            exchange.getIn().setHeader(Exchange.HTTP_PATH, q < 0 ? pathAndQuery : pathAndQuery.substring(0, q));
            if (q >= 0) {
                exchange.getIn().setHeader(Exchange.HTTP_QUERY, pathAndQuery.substring(q + 1));
            }
            exchange.getIn().setHeader("Accept", "application/json");
            exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
            exchange.getIn().setBody(body == null ? null : toJson(body));
        });
        if (answer.getException() != null) {
            throw HttpFailureClassifier.fromCall("ServiceNow", call, answer.getException());
        }
        return answer;
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

    private String toJson(Map<String, String> body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new PermanentFailure(FailureKind.MAPPING, "fields cannot be written as JSON", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
