package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.emulator.core.RecordedRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bad input (issue #6): a seeded generator makes a few hundred hostile webhooks and callbacks (broken JSON, wrong
 * types, huge and deep bodies, unkind Unicode, replays, stale and future timestamps, bad signatures and tokens, wrong
 * content types). Each gets its exact status and reason, never a 5xx, and none leaves an inbox row, a dead letter or
 * a ServiceNow write behind. A properly signed incident whose names are full of encoded-query metacharacters and
 * Unicode is no attack: it arrives in ServiceNow intact, once.
 */
class HostileInputApplicationTest extends BridgeApplicationTest {
    private static final Logger LOG = LoggerFactory.getLogger(HostileInputApplicationTest.class);
    /** Another seed ({@code -Dhostile.seed=...}) generates another set of the same kinds. */
    private static final long SEED = Long.getLong("hostile.seed", 20_260_006L);
    private static final String CREATED = "public_incident.incident_created_v2";
    private static final String UPDATED = "public_incident.incident_updated_v2";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    private BridgeProperties properties;

    private record Answer(int status, String body) {
    }

    @Test
    void generatedHostileWebhooksAndCallbacksGetTheirExactAnswerAndLeaveNothingBehind() {
        // Given an incident the bridge made, so that a callback let through about it would be acted on, and the webhook
        // it stored for it, whose id the replays reuse.
        warmUp();
        String targetId = newIncident("Callback target for bad input").path("id").asText();
        String storedWebhookId = "msg_stored_" + targetId;
        assertThat(webhooks().send(storedWebhookId, event(CREATED, targetId)).finalStatus()).isEqualTo(202);
        String targetSysId = awaitServiceNowIncident(targetId, Map.of("state", "2")).get("sys_id");
        awaitInboxDrained(targetId);
        int serviceNowRequestsBefore = SERVICENOW.requests().size();
        int targetWritesBefore = writesFor(targetId).size();
        int maxBytes = properties.webhooks().maxBodyBytes();
        List<HostileRequest> requests = new ArrayList<>(new HostileWebhooks(SEED, WEBHOOK_SECRET, Instant.now().getEpochSecond(),
                maxBytes).generate(storedWebhookId));
        requests.addAll(new HostileCallbacks(SEED, CALLBACK_SECRET, targetSysId, maxBytes).generate());

        // When each is sent, one after another.
        List<String> answeredOtherwise = sendAll(requests);

        // Then each got exactly the answer owed: its 4xx and reason (never a 5xx, never no answer), or 202 ignored/duplicate.
        assertThat(requests).hasSizeGreaterThan(300);
        assertThat(answeredOtherwise).as("hostile requests answered otherwise than owed (seed %d)", SEED).isEmpty();
        // Nothing of them is in the inbox, so nothing can be left pending or ever reach ServiceNow; nothing is a dead letter;
        // the replayed webhook-id still holds its first body.
        assertThat(count("SELECT COUNT(*) FROM inbox_event WHERE incident_key LIKE ? OR delivery_id LIKE ? OR payload LIKE ?",
                HostileWebhooks.MARK + "%", "%" + HostileWebhooks.MARK + "%", "%Hostile input%")).isZero();
        assertThat(count("SELECT COUNT(*) FROM inbox_event WHERE incident_key = ? AND (source = 'servicenow' OR status = 'PENDING')",
                targetId)).isZero();
        assertThat(count("SELECT COUNT(*) FROM dead_letter WHERE incident_key LIKE ? OR incident_key = ? OR original_events LIKE ?",
                HostileWebhooks.MARK + "%", targetId, "%Hostile input%")).isZero();
        assertThat(jdbc.queryForObject("SELECT payload FROM inbox_event WHERE source = 'incident.io' AND delivery_id = ?",
                String.class, storedWebhookId)).contains(targetId).doesNotContain(HostileWebhooks.MARK);
        // ServiceNow received no write about them, and incident.io no change to the target incident.
        List<RecordedRequest> serviceNowWrites = SERVICENOW.requests().stream().skip(serviceNowRequestsBefore)
                .filter(r -> WRITES.contains(r.method()) && r.path().startsWith("/api/now/")).toList();
        assertThat(serviceNowWrites).noneMatch(r -> r.path().contains(targetSysId)
                || r.body() != null && (r.body().contains(HostileWebhooks.MARK) || r.body().contains("Hostile")));
        assertThat(writesFor(targetId)).hasSize(targetWritesBefore);
        assertThat(INCIDENTIO.count("POST", "/v2/incidents/" + targetId + "/actions/edit")).isZero();

        // And the bridge serves the target incident as before.
        INCIDENTIO.updateIncident(targetId, incident -> incident.put("name", "Callback target, renamed"));
        assertThat(webhooks().send(event(UPDATED, targetId)).finalStatus()).isEqualTo(202);
        awaitServiceNowIncident(targetId, Map.of("short_description", "Callback target, renamed"));
        awaitInboxDrained(targetId);
        assertThat(writesFor(targetId)).hasSize(targetWritesBefore + 1);
    }

    @Test
    void aSignedIncidentWithEncodedQueryMetacharactersAndUnicodeInItsNamesArrivesIntactOnce() {
        // Given a group and a service whose names would widen a query if their ^ were not escaped.
        warmUp();
        String group = "Night^Shift^NQname=Network";
        String service = "Edge^ORname=Email^NQsys_idISNOTEMPTY";
        String groupSysId = SERVICENOW.insert("sys_user_group", Map.of("name", group));
        String serviceSysId = SERVICENOW.insert("cmdb_ci_service", Map.of("name", service));
        String name = "Checkout ^NQactive=true^ORDERBYnumber \u202eoverride\u202c zero\u200bwidth \ud83d\udd25\ud83d\udc69\u200d\ud83d\udcbb"
                + " \"q\" \\b\\ <i>x</i> e\u0301 \u05e9\u05dc\u05d5\u05dd %27 ${x}";
        String id = newIncident(name).path("id").asText();
        INCIDENTIO.updateIncident(id, incident -> {
            var fields = incident.putArray("custom_field_entries");
            fields.add(entry("Team", json().put("value_text", group)));
            fields.add(entry("Affected services", json().set("value_catalog_entry", json().put("id", "ce-edge").put("name", service))));
        });

        // When incident.io sends it, and then tells of it again under another webhook-id.
        assertThat(webhooks().send(event(CREATED, id)).finalStatus()).isEqualTo(202);
        Map<String, String> record = awaitServiceNowIncident(id, Map.of("short_description", name));
        awaitInboxDrained(id);
        assertThat(webhooks().send(event(UPDATED, id)).finalStatus()).isEqualTo(202);
        awaitInboxDrained(id);

        // Then ServiceNow holds it once, as named, linked to exactly the group and service named.
        assertThat(record).containsEntry("assignment_group", groupSysId).containsEntry("cmdb_ci", serviceSysId);
        assertThat(serviceNowIncidents(id)).hasSize(1);
        assertThat(writesFor(id)).hasSize(1);
        assertThat(deadLettersFor(id)).isZero();
        assertThat(SERVICENOW.requests()).filteredOn(r -> r.path().endsWith("/sys_user_group"))
                .anySatisfy(r -> assertThat(r.query().get("sysparm_query")).isEqualTo("name=Night^^Shift^^NQname=Network"));
    }

    /** Sends each request and says, for each answered otherwise than owed, what was sent, owed and answered. */
    private List<String> sendAll(List<HostileRequest> requests) {
        long started = System.nanoTime();
        List<String> answeredOtherwise = new ArrayList<>();
        Map<String, Integer> families = new TreeMap<>();
        for (HostileRequest request : requests) {
            Answer answer = send(request);
            families.merge((request.path().startsWith(HostileWebhooks.PATH) ? "incident.io " : "ServiceNow ") + request.family(),
                    1, Integer::sum);
            if (answer.status() != request.expectedStatus()
                    || !answer.body().toLowerCase(Locale.ROOT).contains(request.expectedReason().toLowerCase(Locale.ROOT))) {
                answeredOtherwise.add(request.path() + " " + request.label() + ": owed " + request.expectedStatus() + " \""
                        + request.expectedReason() + "\", answered " + answer.status() + " " + HostileJson.visible(answer.body()));
            }
        }
        LOG.info("{} hostile requests (seed {}) answered in {} ms: {}", requests.size(), SEED,
                (System.nanoTime() - started) / 1_000_000, families);
        return answeredOtherwise;
    }

    private Answer send(HostileRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request.path()))
                .timeout(Duration.ofSeconds(10));
        request.headers().forEach(header -> builder.header(header.getKey(), header.getValue()));
        builder.method(request.method(), request.chunked()
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(request.body()))
                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(0, "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + request.label(), e);
        }
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    private static ObjectNode entry(String fieldName, ObjectNode value) {
        ObjectNode entry = json();
        entry.set("custom_field", json().put("id", "cf-" + fieldName).put("name", fieldName).put("field_type", "single_select"));
        entry.putArray("values").add(value);
        return entry;
    }

    private static ObjectNode json() {
        return JsonNodeFactory.instance.objectNode();
    }
}
