package io.incidentbridge.emulator.servicenow;

import static io.incidentbridge.emulator.servicenow.EmulatorClient.basic;
import static io.incidentbridge.emulator.servicenow.EmulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbridge.emulator.core.Json;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The callback business rule (servicenow/incident-bridge-callback.business-rule.js) as the emulator plays it: which
 * writes fire it, the payload field by field, the request it sends, and that it runs after the write has returned.
 */
class ServiceNowEmulatorCallbackRuleTest extends EmulatorTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** A whsec_ secret as the install steps make one: 32 random bytes, base64. */
    private static final String TOKEN = "whsec_" + java.util.Base64.getEncoder().encodeToString(
            "callback-secret-0123-callback-se".getBytes(StandardCharsets.UTF_8));
    private static final String BETH = "beth.anglin";
    private static final String BETH_PASSWORD = "beth-pass-0123";
    private static final TableSchema INCIDENT = new Schemas().get("incident");

    private CallbackReceiver bridge;

    @BeforeEach
    void startReceiver() {
        bridge = CallbackReceiver.answering();
        emulator.setPassword(BETH, BETH_PASSWORD);
    }

    @AfterEach
    void stopReceiver() {
        bridge.close();
    }

    @Test
    void nothingIsSentUntilTheRuleIsInstalled() {
        String sysId = bridgeIncident();

        asBeth("PATCH", "/api/now/table/incident/" + sysId, "{\"state\":\"6\"}");

        assertThat(emulator.callbackRule().idle()).isTrue();
        assertThat(emulator.callbackRule().deliveries()).isEmpty();
        assertThat(bridge.received()).isEmpty();
    }

    @Test
    void aPersonsUpdatePostsTheScriptsPayloadSignedWithoutTheSecret() {
        String sysId = bridgeIncident();
        emulator.callbackRule().install(CallbackTarget.of(bridge.url(), TOKEN));

        asBeth("PATCH", "/api/now/table/incident/" + sysId, "{\"state\":\"6\",\"close_code\":\"Solution provided\","
                + "\"close_notes\":\"Rolled back\",\"work_notes\":\"Root cause: a bad config push\"}");

        CallbackReceiver.Received callback = awaitCallbacks(1).get(0);
        Map<String, String> record = emulator.record("incident", sysId).orElseThrow();
        assertThat(callback.method()).isEqualTo("POST");
        assertThat(callback.header("Content-Type")).isEqualTo("application/json");
        assertThat(callback.header("Authorization")).isNull();
        assertThat(callback.header(CallbackPost.SIGNATURE_HEADER)).startsWith("v1,");
        assertThat(callback.body()).doesNotContain(TOKEN.substring("whsec_".length()));
        JsonNode body = parse(callback.body());
        assertThat(fieldNames(body)).containsExactly("table", "sys_id", "number", "sys_updated_on", "sys_updated_by",
                "sys_mod_count", "values", "journal");
        assertThat(body.path("table").asText()).isEqualTo("incident");
        assertThat(body.path("sys_id").asText()).isEqualTo(sysId);
        assertThat(body.path("number").asText()).isEqualTo(record.get("number"));
        assertThat(body.path("sys_updated_on").asText()).isEqualTo(record.get("sys_updated_on"));
        assertThat(body.path("sys_updated_by").asText()).isEqualTo(BETH);
        assertThat(body.path("sys_mod_count").asText()).isEqualTo("1");
        assertThat(fieldNames(body.path("values"))).containsExactlyElementsOf(CallbackPayload.FIELDS);
        for (String field : CallbackPayload.FIELDS) {
            assertThat(body.path("values").path(field).asText()).as(field).isEqualTo(record.get(field));
        }
        assertThat(body.path("values").path("state").asText()).isEqualTo("6");
        assertThat(body.path("values").path("incident_state").asText()).isEqualTo("6");
        assertThat(body.path("values").path("hold_reason").asText()).isEmpty();
        // The script reads entries created at or after sys_updated_on, to the second: the bridge's note from the
        // insert is there too when both fell in the same second, which is why the bridge skips its own entries.
        JsonNode journal = body.path("journal");
        assertThat(journal).allSatisfy(e -> assertThat(e.path("sys_created_on").asText()).isEqualTo(record.get("sys_updated_on")));
        JsonNode note = journal.get(journal.size() - 1);
        assertThat(fieldNames(note)).containsExactly("element", "value", "sys_created_on", "sys_created_by");
        assertThat(note.path("element").asText()).isEqualTo("work_notes");
        assertThat(note.path("value").asText()).isEqualTo("Root cause: a bad config push");
        assertThat(note.path("sys_created_by").asText()).isEqualTo(BETH);
        assertThat(note.path("sys_created_on").asText()).isEqualTo(record.get("sys_updated_on"));

        await().atMost(PATIENCE).until(() -> emulator.callbackRule().idle());
        CallbackDelivery delivery = emulator.callbackRule().deliveriesFor(sysId).get(0);
        assertThat(delivery.body()).isEqualTo(callback.body());
        assertThat(delivery.status()).isEqualTo(202);
        assertThat(delivery.updatedBy()).isEqualTo(BETH);
        assertThat(delivery.modCount()).isEqualTo("1");
    }

    @Test
    void aTaskCarriesOnlyTheListedFieldsATaskHas() {
        String parent = bridgeIncident();
        String task = json(client.post("/api/now/table/task", "{\"short_description\":\"Add a canary stage\","
                + "\"parent\":\"" + parent + "\",\"correlation_id\":\"01FOLLOWUP\",\"correlation_display\":\"incident.io\"}"))
                .at("/result/sys_id").asText();
        emulator.callbackRule().install(CallbackTarget.of(bridge.url(), TOKEN));

        asBeth("PATCH", "/api/now/table/task/" + task, "{\"state\":\"3\"}");

        JsonNode body = parse(awaitCallbacks(1).get(0).body());
        assertThat(body.path("table").asText()).isEqualTo("task");
        assertThat(fieldNames(body.path("values"))).containsExactly("state", "impact", "urgency", "priority",
                "close_notes", "assignment_group", "assigned_to", "short_description", "correlation_id",
                "correlation_display", "parent");
        assertThat(body.path("values").path("state").asText()).isEqualTo("3");
        assertThat(body.path("values").path("parent").asText()).isEqualTo(parent);
        assertThat(body.path("journal")).isEmpty();
    }

    @Test
    void onlyUpdatesOfRecordsTheBridgeMadeFire() {
        String bridgeMade = bridgeIncident();
        String someoneElses = client.createIncident("{\"short_description\":\"Printer on fire\"}");
        emulator.callbackRule().install(CallbackTarget.of(bridge.url(), TOKEN));

        asBeth("PATCH", "/api/now/table/incident/" + someoneElses, "{\"state\":\"2\"}");
        emulator.update("sys_user_group", SeedData.NETWORK_GROUP_SYS_ID, Map.of("description", "Networks"), "admin");
        asBeth("PATCH", "/api/now/table/incident/" + bridgeMade, "{\"work_notes\":\"unchanged\"}");
        asBeth("PATCH", "/api/now/table/incident/" + bridgeMade, "{\"work_notes\":\"\"}");
        asBeth("PATCH", "/api/now/table/incident/" + bridgeMade, "{\"urgency\":\"1\"}");

        await().atMost(PATIENCE).until(() -> emulator.callbackRule().idle());
        // Jobs run in the order of the writes: the note and the urgency change fired, nothing before or between.
        assertThat(emulator.callbackRule().deliveries()).extracting(CallbackDelivery::sysId, CallbackDelivery::modCount)
                .containsExactly(tuple(bridgeMade, "1"),
                        tuple(bridgeMade, "2"));
    }

    @Test
    void theIntegrationUsersOwnWritesFireToo() {
        String sysId = bridgeIncident();
        emulator.callbackRule().install(CallbackTarget.of(bridge.url(), TOKEN));

        client.patch("/api/now/table/incident/" + sysId, "{\"work_notes\":\"Status update from incident.io\"}");

        JsonNode body = parse(awaitCallbacks(1).get(0).body());
        assertThat(body.path("sys_updated_by").asText()).isEqualTo(ServiceNowEmulator.USERNAME);
        assertThat(body.path("journal").get(0).path("sys_created_by").asText()).isEqualTo(ServiceNowEmulator.USERNAME);
    }

    @Test
    void insertsFireOnlyWhenTheRuleIsSetToInsert() {
        emulator.callbackRule().install(CallbackTarget.of(bridge.url(), TOKEN));
        bridgeIncident();
        await().atMost(PATIENCE).until(() -> emulator.callbackRule().idle());
        assertThat(emulator.callbackRule().deliveries()).isEmpty();

        emulator.callbackRule().install(CallbackTarget.of(bridge.url(), TOKEN).onInsertToo());
        String sysId = bridgeIncident();

        JsonNode body = parse(awaitCallbacks(1).get(0).body());
        assertThat(body.path("sys_id").asText()).isEqualTo(sysId);
        assertThat(body.path("sys_mod_count").asText()).isEqualTo("0");
        assertThat(body.path("journal").get(0).path("value").asText()).isEqualTo("Created from incident.io");
    }

    @Test
    void theRuleSignsMessageIdTimestampAndTheExactBodyTheStandardWebhooksWay() {
        String sysId = bridgeIncident();
        emulator.callbackRule().install(CallbackTarget.of(bridge.url(), TOKEN));

        asBeth("PATCH", "/api/now/table/incident/" + sysId, "{\"comments\":\"Customer says it works again\"}");
        asBeth("PATCH", "/api/now/table/incident/" + sysId, "{\"comments\":\"And again\"}");

        List<CallbackReceiver.Received> callbacks = awaitCallbacks(2);
        for (CallbackReceiver.Received callback : callbacks) {
            String id = callback.header(CallbackPost.ID_HEADER);
            String timestamp = callback.header(CallbackPost.TIMESTAMP_HEADER);
            assertThat(id).matches("msg_[0-9a-f]{32}");
            assertThat(Long.parseLong(timestamp)).isCloseTo(java.time.Instant.now().getEpochSecond(),
                    org.assertj.core.data.Offset.offset(60L));
            assertThat(callback.header(CallbackPost.SIGNATURE_HEADER))
                    .isEqualTo("v1," + java.util.Base64.getEncoder().encodeToString(hmacSha256(
                            java.util.Base64.getDecoder().decode(TOKEN.substring("whsec_".length())),
                            id + "." + timestamp + "." + callback.body())));
        }
        assertThat(callbacks.get(0).header(CallbackPost.ID_HEADER)).isNotEqualTo(callbacks.get(1).header(CallbackPost.ID_HEADER));
    }

    @Test
    void theEarlierScriptSentTheSecretAsABearerTokenAndNoSignature() {
        String sysId = bridgeIncident();
        emulator.callbackRule().install(CallbackTarget.of(bridge.url(), TOKEN).bearerOnlyScript());

        asBeth("PATCH", "/api/now/table/incident/" + sysId, "{\"comments\":\"Customer says it works again\"}");

        CallbackReceiver.Received callback = awaitCallbacks(1).get(0);
        assertThat(callback.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(callback.header(CallbackPost.SIGNATURE_HEADER)).isNull();
    }

    @Test
    void theCallbackIsSentAfterTheWriteHasReturned() {
        try (CallbackReceiver slowBridge = CallbackReceiver.holdingAnswers()) {
            String sysId = bridgeIncident();
            emulator.callbackRule().install(CallbackTarget.of(slowBridge.url(), TOKEN));

            asBeth("PATCH", "/api/now/table/incident/" + sysId, "{\"state\":\"3\",\"hold_reason\":\"4\"}");

            await().atMost(PATIENCE).until(() -> slowBridge.received().size() == 1);
            assertThat(emulator.callbackRule().idle()).isFalse();
            assertThat(emulator.callbackRule().deliveries()).isEmpty();
            slowBridge.release();
            await().atMost(PATIENCE).until(() -> emulator.callbackRule().idle());
            assertThat(emulator.callbackRule().deliveries()).extracting(CallbackDelivery::status).containsExactly(202);
        }
    }

    @Test
    void aFailedCallbackIsLoggedAndNotRetried() {
        String sysId = bridgeIncident();
        String nobodyListens = bridge.url();
        bridge.close();
        emulator.callbackRule().install(CallbackTarget.of(nobodyListens, TOKEN));

        asBeth("PATCH", "/api/now/table/incident/" + sysId, "{\"state\":\"2\"}");

        await().atMost(PATIENCE).until(() -> emulator.callbackRule().idle());
        assertThat(emulator.callbackRule().deliveries()).singleElement()
                .satisfies(d -> assertThat(d.status()).isZero())
                .satisfies(d -> assertThat(d.accepted()).isFalse())
                .satisfies(d -> assertThat(d.answer()).isNotBlank());
    }

    @Test
    void aRemovedRuleSendsNothingMore() {
        String sysId = bridgeIncident();
        emulator.callbackRule().install(CallbackTarget.of(bridge.url(), TOKEN));
        asBeth("PATCH", "/api/now/table/incident/" + sysId, "{\"state\":\"2\"}");
        awaitCallbacks(1);

        emulator.callbackRule().remove();
        asBeth("PATCH", "/api/now/table/incident/" + sysId, "{\"state\":\"3\"}");

        await().atMost(PATIENCE).until(() -> emulator.callbackRule().idle());
        assertThat(emulator.callbackRule().deliveries()).hasSize(1);
        assertThat(emulator.callbackRule().target()).isEmpty();
    }

    @Test
    void theJournalHoldsTheWorkNotesAndCommentsCreatedSinceTheUpdateOldestFirst() {
        Map<String, String> record = new LinkedHashMap<>(INCIDENT.blankRow());
        record.putAll(Map.of("sys_id", "0123456789abcdef0123456789abcdef", "number", "INC0010042",
                "sys_updated_on", "2026-11-29 10:00:00", "sys_updated_by", BETH, "sys_mod_count", "4",
                "correlation_display", "incident.io"));
        List<Map<String, String>> journal = List.of(
                entry("work_notes", "before the update", "2026-11-29 09:59:59"),
                entry("comments", "customer asked again", "2026-11-29 10:00:01"),
                entry("work_notes", "with the update", "2026-11-29 10:00:00"));

        JsonNode body = parse(CallbackPayload.body(new StoredRow("incident", record),
                INCIDENT, journal));

        assertThat(body.path("journal")).extracting(e -> e.path("value").asText())
                .containsExactly("with the update", "customer asked again");
        assertThat(body.path("values").path("close_code").asText()).isEmpty();
    }

    private static Map<String, String> entry(String element, String value, String createdOn) {
        return Map.of("element", element, "value", value, "sys_created_on", createdOn, "sys_created_by", BETH,
                "element_id", "0123456789abcdef0123456789abcdef");
    }

    /** An incident as the bridge creates it: correlation fields set, a first work note. */
    private String bridgeIncident() {
        return client.createIncident("{\"short_description\":\"Checkout errors\",\"correlation_id\":\"01HXINCIDENT\","
                + "\"correlation_display\":\"incident.io\",\"work_notes\":\"Created from incident.io\"}");
    }

    /** As Beth Anglin (itil) with her own credentials, the way a person's change reaches the Table API. */
    private void asBeth(String method, String path, String body) {
        assertThat(client.sendAs(basic(BETH, BETH_PASSWORD), method, path, body).statusCode()).as(method + " " + path)
                .isEqualTo(200);
    }

    private List<CallbackReceiver.Received> awaitCallbacks(int count) {
        await().atMost(PATIENCE).until(() -> bridge.received().size() >= count);
        return bridge.received();
    }

    private static JsonNode parse(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static byte[] hmacSha256(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
