package io.incidentbridge.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.incidentio.WebhookSender;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Generates hostile incident.io webhooks from a seed. Every incident id and webhook-id they carry starts with
 * {@value #MARK}, so whatever the bridge keeps of them can be found. A body the bridge should act on is never
 * generated: each request is refused with a 4xx, or is of a kind the bridge accepts and ignores (202 ignored)
 * or has already seen (202 duplicate), and none may leave anything behind.
 */
final class HostileWebhooks {
    static final String PATH = "/webhooks/incident-io";
    static final String MARK = "hostile-";
    private static final String CREATED = "public_incident.incident_created_v2";
    private static final String STATUS_UPDATED = "public_incident.incident_status_updated_v2";
    private static final String FOLLOW_UP = "public_incident.follow_up_created_v2";
    private static final String PRIVATE = "private_incident.incident_updated_v2";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Random random;
    private final HostileJson hostile;
    private final String secret;
    private final long now;
    private final int maxBytes;
    private final List<HostileRequest> requests = new ArrayList<>();
    private int sequence;

    HostileWebhooks(long seed, String secret, long now, int maxBytes) {
        this.random = new Random(seed);
        this.hostile = new HostileJson(random);
        this.secret = secret;
        this.now = now;
        this.maxBytes = maxBytes;
    }

    /**
     * {@code storedId} is the webhook-id of an event the bridge has already stored: replays under it must be
     * answered "duplicate" whatever their body.
     */
    List<HostileRequest> generate(String storedId) {
        signatures(60);
        timestamps(30);
        replays(storedId, 10);
        malformed(70);
        wrongTypes(70);
        unicode(30);
        sizes(20);
        nesting(20);
        contentTypes(15);
        methods();
        return List.copyOf(requests);
    }

    private void signatures(int count) {
        List<Function<String, HostileRequest>> faults = List.of(
                id -> signed("signature", "no webhook-signature", id, now, body(id), null).expect(401, "missing"),
                id -> signed("signature", "no webhook-id", null, now, body(id), sign(id, now, body(id))).expect(401, "missing"),
                id -> request("signature", "no webhook-timestamp", body(id)).header("webhook-id", id)
                        .header("webhook-signature", sign(id, now, body(id))).expect(401, "missing"),
                id -> request("signature", "no headers at all", body(id)).expect(401, "missing"),
                id -> signed("signature", "signed with another secret", id, now, body(id),
                        WebhookSender.sign("whsec_" + base64(randomBytes(32)), id, Long.toString(now), body(id)))
                        .expect(401, "no webhook-signature matches"),
                id -> {
                    byte[] body = body(id);
                    String signature = sign(id, now, body);
                    body[random.nextInt(body.length)] ^= (byte) (1 << random.nextInt(7));
                    return signed("signature", "body changed after signing", id, now, body, signature)
                            .expect(401, "no webhook-signature matches");
                },
                id -> signed("signature", "signed under another webhook-id", id, now, body(id), sign(id + "x", now, body(id)))
                        .expect(401, "no webhook-signature matches"),
                id -> signed("signature", "signed with another timestamp", id, now, body(id), sign(id, now - 1, body(id)))
                        .expect(401, "no webhook-signature matches"),
                id -> signed("signature", "v2 scheme", id, now, body(id), sign(id, now, body(id)).replace("v1,", "v2,"))
                        .expect(401, "no webhook-signature matches"),
                id -> signed("signature", "empty v1 entry", id, now, body(id), "v1,").expect(401, "no webhook-signature matches"),
                id -> signed("signature", "not base64", id, now, body(id), "v1,!!not*base64??")
                        .expect(401, "no webhook-signature matches"),
                id -> {
                    String valid = sign(id, now, body(id));
                    String cut = valid.substring(0, 3 + random.nextInt(valid.length() - 4));
                    return signed("signature", "cut-off signature", id, now, body(id), cut).expect(401, "no webhook-signature matches");
                },
                id -> signed("signature", "hex instead of base64", id, now, body(id),
                        "v1," + HexFormat.of().formatHex(Base64.getDecoder().decode(sign(id, now, body(id)).substring(3))))
                        .expect(401, "no webhook-signature matches"),
                id -> {
                    // Up to 120 entries keep the request headers within the server's 8 KB.
                    int n = 2 + random.nextInt(119);
                    StringBuilder header = new StringBuilder();
                    for (int i = 0; i < n; i++) {
                        header.append(i == 0 ? "" : " ").append("v1,").append(base64(randomBytes(32)));
                    }
                    return signed("signature", n + " wrong signatures", id, now, body(id), header.toString())
                            .expect(401, "no webhook-signature matches");
                },
                id -> signed("signature", "valid signature glued to another with a comma", id, now, body(id),
                        sign(id, now, body(id)) + "," + sign(id, now, body(id))).expect(401, "no webhook-signature matches"),
                id -> signed("signature", "two header lines, both wrong", id, now, body(id), "v1," + base64(randomBytes(32)))
                        .header("webhook-signature", "v1," + base64(randomBytes(32))).expect(401, "no webhook-signature matches"),
                id -> request("signature", "bearer token instead of a signature", body(id)).header("webhook-id", id)
                        .header("webhook-timestamp", Long.toString(now)).header("Authorization", "Bearer " + secret)
                        .expect(401, "missing"),
                id -> {
                    // Over the server's limit for request headers: Tomcat answers 400 before the bridge sees it.
                    String entries = ("v1," + base64(randomBytes(32)) + " ").repeat(200);
                    return signed("signature", "200 signatures, over the header limit", id, now, body(id), entries.trim())
                            .expect(400, "Bad Request");
                },
                id -> request("signature", "signature in the query string", body(id),
                        "?webhook-id=" + id + "&webhook-timestamp=" + now + "&webhook-signature="
                                + java.net.URLEncoder.encode(sign(id, now, body(id)), StandardCharsets.UTF_8))
                        .expect(401, "missing"));
        for (int i = 0; i < count; i++) {
            requests.add(faults.get(i % faults.size()).apply(nextId()));
        }
    }

    private void timestamps(int count) {
        List<Function<String, HostileRequest>> faults = List.of(
                id -> signedAt("timestamp", "replayed: " + (301 + random.nextInt(1_000_000)) + " s old", id,
                        Long.toString(now - 301 - random.nextInt(1_000_000))).expect(401, "tolerance"),
                id -> signedAt("timestamp", "from the future", id, Long.toString(now + 400 + random.nextInt(1_000_000)))
                        .expect(401, "tolerance"),
                id -> signedAt("timestamp", "milliseconds", id, Long.toString(now * 1000)).expect(401, "tolerance"),
                id -> signedAt("timestamp", "zero", id, "0").expect(401, "tolerance"),
                id -> signedAt("timestamp", "negative", id, "-" + now).expect(401, "tolerance"),
                id -> signedAt("timestamp", "Long.MAX_VALUE", id, Long.toString(Long.MAX_VALUE)).expect(401, "tolerance"),
                id -> signedAt("timestamp", "Long.MIN_VALUE", id, Long.toString(Long.MIN_VALUE)).expect(401, "tolerance"),
                id -> signedAt("timestamp", "not a number", id, hostile.pick(List.of("abc", "now", "1.7e9", "0x6553f100",
                        now + ".5", "99999999999999999999", now + "s", "--1", "1 2", "NaN"))).expect(401, "Unix time"));
        for (int i = 0; i < count; i++) {
            requests.add(faults.get(i % faults.size()).apply(nextId()));
        }
        // The bridge's clock minus (MIN_VALUE + its own now) overflows to MIN_VALUE, whose absolute value is negative:
        // one of these hits the second the bridge reads its clock.
        for (int offset = -1; offset <= 3; offset++) {
            requests.add(signedAt("timestamp", "wraps around to now" + (offset < 0 ? "" : "+") + offset, nextId(),
                    Long.toString(Long.MIN_VALUE + now + offset)).expect(401, "tolerance"));
        }
    }

    /** The same webhook-id again: a new body, properly signed, is a duplicate; the old signature on it is a forgery. */
    private void replays(String storedId, int count) {
        for (int i = 0; i < count; i++) {
            String id = nextId();
            byte[] body = i % 2 == 0 ? body(id) : HostileJson.utf8(envelope(CREATED, incident(id).put("name", "Replayed " + i)));
            if (i % 3 == 2) {
                byte[] original = body(storedId);
                requests.add(signed("replay", "stored webhook-id, its signature on another body", storedId, now, body,
                        sign(storedId, now, original)).expect(401, "no webhook-signature matches"));
            } else {
                requests.add(signed("replay", "stored webhook-id, another body", storedId, now, body, sign(storedId, now, body))
                        .expect(202, "duplicate"));
            }
        }
    }

    private void malformed(int count) {
        for (int i = 0; i < count; i++) {
            String id = nextId();
            String valid = envelope(CREATED, incident(id));
            HostileJson.Body body = switch (i % 12) {
                case 0, 1 -> hostile.truncated(valid);
                case 2, 3 -> hostile.trailingGarbage(valid);
                case 4 -> hostile.byteOrderMark(valid);
                case 5 -> hostile.nulByte(valid);
                case 6, 7 -> hostile.notUtf8(valid, "Hostile");
                case 8 -> hostile.otherEncoding(valid);
                case 9 -> hostile.binaryGarbage();
                case 10 -> hostile.notJson();
                default -> hostile.whitespace();
            };
            requests.add(signedBody("malformed", body.description(), id, body.bytes()).expect(400, "the body is not"));
        }
        requests.add(signedBody("malformed", "empty body", nextId(), new byte[0]).expect(400, "empty"));
        for (int i = 0; i < 8; i++) {
            HostileJson.Body body = hostile.notAnObject();
            requests.add(signedBody("malformed", body.description(), nextId(), body.bytes()).expect(400, "not a JSON object"));
        }
        for (int i = 0; i < 4; i++) {
            String id = nextId();
            String duplicated = "{\"event_type\":\"public_alert.alert_created_v1\",\"event_type\":\"" + CREATED + "\",\""
                    + CREATED + "\":" + incident(id) + "}";
            requests.add(signedBody("malformed", "event_type given twice", id, HostileJson.utf8(duplicated)).expect(400, "duplicate"));
        }
    }

    private void wrongTypes(int count) {
        List<JsonNode> wrongValues = List.of(JSON.numberNode(42), JSON.numberNode(-1.5), JSON.arrayNode(),
                JSON.arrayNode().add("01A"), JSON.objectNode(), JSON.objectNode().put("id", "01A"), JSON.nullNode(),
                JSON.booleanNode(true), JSON.textNode(""), JSON.textNode("   "));
        List<JsonNode> notText = wrongValues.stream().filter(value -> !value.isTextual()).toList();
        List<JsonNode> notObjects = wrongValues.stream().filter(value -> !value.isObject()).toList();
        List<Function<String, HostileRequest>> faults = List.of(
                id -> {
                    JsonNode wrong = pick(wrongValues);
                    return wrongType("event_type is " + wrong, envelopeWith("event_type", wrong, incident(id)), "event_type");
                },
                id -> wrongType("no event_type", "{\"" + CREATED + "\":" + incident(id) + "}", "event_type"),
                id -> {
                    JsonNode payload = random.nextBoolean() ? JSON.nullNode() : pick(notObjects);
                    return wrongType("payload is " + payload, "{\"event_type\":\"" + CREATED + "\",\"" + CREATED + "\":" + payload
                            + "}", "payload object");
                },
                id -> wrongType("payload missing", "{\"event_type\":\"" + CREATED + "\"}", "payload object"),
                id -> wrongType("payload under another key",
                        "{\"event_type\":\"" + CREATED + "\",\"payload\":" + incident(id) + "}", "payload object"),
                id -> {
                    JsonNode wrong = pick(wrongValues);
                    return wrongType("incident id is " + wrong, envelope(CREATED, incident(id).set("id", wrong)), ".id");
                },
                id -> wrongType("incident id too long",
                        envelope(CREATED, incident(id).put("id", id + "x".repeat(121 + random.nextInt(10_000)))), "too long"),
                id -> wrongType("no updated_at", envelope(CREATED, without(incident(id), "updated_at")), "updated_at"),
                id -> {
                    JsonNode wrong = random.nextBoolean() ? pick(wrongValues) : JSON.textNode(hostile.pick(List.of("yesterday",
                            "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-01-01", "1700000000", "2026-01-01T25:00:00Z")));
                    return wrongType("updated_at is " + wrong, envelope(CREATED, incident(id).set("updated_at", wrong)),
                            "updated_at");
                },
                id -> wrongType("no incident_status", envelope(CREATED, without(incident(id), "incident_status")), "incident_status"),
                id -> {
                    JsonNode wrong = pick(notText);
                    return wrongType("incident_status.category is " + wrong,
                            envelope(CREATED, incident(id).set("incident_status", JSON.objectNode().set("category", wrong))), "incident_status");
                },
                id -> wrongType("status change without incident", envelope(STATUS_UPDATED, JSON.objectNode()
                        .set("new_status", JSON.objectNode().put("category", "live"))), "not an incident object"),
                id -> {
                    JsonNode wrong = pick(wrongValues);
                    return wrongType("status change incident is " + wrong,
                            envelope(STATUS_UPDATED, JSON.objectNode().set("incident", wrong)), STATUS_UPDATED + ".incident");
                },
                id -> wrongType("follow-up without incident_id", envelope(FOLLOW_UP, JSON.objectNode().put("id", id)), "incident_id"),
                id -> {
                    JsonNode wrong = pick(wrongValues);
                    return wrongType("follow-up incident_id is " + wrong,
                            envelope(FOLLOW_UP, JSON.objectNode().put("id", id).set("incident_id", wrong)), "incident_id");
                },
                id -> {
                    JsonNode wrong = pick(wrongValues);
                    return wrongType("private event id is " + wrong, envelope(PRIVATE, JSON.objectNode().set("id", wrong)), ".id");
                },
                id -> ignored("wrong-type", "unknown event type", envelope(hostile.pick(List.of("public_incident.incident_deleted_v9",
                        "public_alert.alert_created_v1", "schedule.updated_v1", "PUBLIC_INCIDENT.INCIDENT_CREATED_V2",
                        CREATED + " ", "private_incident." + id)), incident(id))),
                id -> wrongType("unknown event type without its payload", "{\"event_type\":\"public_incident.nothing_v1\"}",
                        "payload object"));
        for (int i = 0; i < count; i++) {
            requests.add(faults.get(i % faults.size()).apply(nextId()));
        }
    }

    /** Legal JSON with unkind Unicode: in ids it is refused, in an event type the bridge ignores it is ignored. */
    private void unicode(int count) {
        for (int i = 0; i < count; i++) {
            String id = nextId();
            String text = hostile.unicodeText();
            HostileRequest request = switch (i % 5) {
                case 0 -> typed("unicode", "incident id " + HostileJson.visible(text),
                        envelope(CREATED, incident(id).put("id", id + text)), ".id");
                case 1 -> typed("unicode", "private incident id " + HostileJson.visible(text),
                        envelope(PRIVATE, JSON.objectNode().put("id", text + id)), ".id");
                case 2 -> typed("unicode", "follow-up incident_id " + HostileJson.visible(text),
                        envelope(FOLLOW_UP, JSON.objectNode().put("id", id).put("incident_id", id + text)), "incident_id");
                case 3 -> ignored("unicode", "event type " + HostileJson.visible(text), envelope(CREATED + text, incident(id)));
                default -> typed("unicode", "name " + HostileJson.visible(text) + " on an incident without updated_at",
                        envelope(CREATED, without(incident(id).put("name", "Hostile " + text), "updated_at")), "updated_at");
            };
            requests.add(request);
        }
    }

    private void sizes(int count) {
        for (int i = 0; i < count; i++) {
            String id = nextId();
            HostileRequest request = switch (i % 10) {
                case 0 -> ignoredOfSize("exactly the limit", id, maxBytes);
                case 1 -> ignoredOfSize("just under the limit", id, maxBytes - 1 - random.nextInt(4096));
                case 2 -> tooLarge("one byte over the limit", id, maxBytes + 1, false);
                case 3 -> tooLarge("far over the limit", id, maxBytes + 1 + random.nextInt(1_000_000), false);
                case 4 -> tooLarge("over the limit, chunked", id, maxBytes + 1 + random.nextInt(500_000), true);
                case 5 -> {
                    int elements = 50_000 + random.nextInt(100_000);
                    String array = "[" + "0,".repeat(elements - 1) + "0]";
                    yield typed("size", elements + "-element array as the incident id", withRawId(id, array), ".id");
                }
                case 6 -> {
                    HostileJson.Body body = hostile.oversizedToken("{\"event_type\":\"x\",\"x\":{");
                    yield signedBody("size", body.description(), id, body.bytes()).expect(400, "the body is not");
                }
                case 7 -> typed("size", "name of " + (maxBytes / 2) + " characters without updated_at",
                        envelope(CREATED, without(incident(id).put("name", "Hostile " + "\u00e9".repeat(maxBytes / 4)), "updated_at")),
                        "updated_at");
                case 8 -> {
                    String longId = "msg_" + MARK + "x".repeat(200 + random.nextInt(3_000));
                    yield signed("size", "webhook-id of " + longId.length() + " characters", longId, now, body(id),
                            sign(longId, now, body(id))).expect(400, "webhook-id");
                }
                default -> {
                    StringBuilder keys = new StringBuilder("{\"event_type\":\"schedule.updated_v1\",\"schedule.updated_v1\":{");
                    int n = 10_000 + random.nextInt(20_000);
                    for (int k = 0; k < n; k++) {
                        keys.append(k == 0 ? "" : ",").append("\"k").append(k).append("\":").append(k);
                    }
                    yield signedBody("size", n + " keys in an ignored event", id, HostileJson.utf8(keys.append("}}").toString()))
                            .expect(202, "ignored");
                }
            };
            requests.add(request);
        }
    }

    private void nesting(int count) {
        for (int i = 0; i < count; i++) {
            String id = nextId();
            if (i % 4 == 3) {
                int depth = 500 + random.nextInt(490);
                requests.add(typed("nesting", depth + " nested arrays as the incident id",
                        withRawId(id, hostile.nestedWithin(depth)), ".id"));
            } else if (i % 4 == 2) {
                int depth = 500 + random.nextInt(490);
                requests.add(ignored("nesting", depth + " nested arrays in an ignored event",
                        "{\"event_type\":\"schedule.updated_v1\",\"schedule.updated_v1\":{\"deep\":" + hostile.nestedWithin(depth) + "}}"));
            } else {
                HostileJson.Body body = hostile.tooDeep();
                requests.add(signedBody("nesting", body.description(), id, body.bytes()).expect(400, "nesting depth"));
            }
        }
    }

    private void contentTypes(int count) {
        List<String> types = List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "application/xml",
                "text/html", "application/octet-stream", "image/png", "application/json-seq", "application/jsonx",
                "text/json2", "*/*", "application", "application/x-www-form-urlencoded; charset=utf-8");
        for (int i = 0; i < count; i++) {
            String id = nextId();
            String type = types.get(i % types.size());
            byte[] body = body(id);
            requests.add(HostileRequest.post("content-type", type, PATH, body).header("Content-Type", type)
                    .header("webhook-id", id).header("webhook-timestamp", Long.toString(now))
                    .header("webhook-signature", sign(id, now, body)).expect(415, "application/json"));
        }
    }

    private void methods() {
        for (String method : List.of("GET", "PUT", "PATCH", "DELETE")) {
            String id = nextId();
            requests.add(signedBody("method", method, id, body(id)).method(method).expect(405, ""));
        }
    }

    private HostileRequest ignoredOfSize(String description, String id, int size) {
        String start = "{\"event_type\":\"schedule.updated_v1\",\"schedule.updated_v1\":{\"id\":\"" + id + "\",\"pad\":\"";
        String end = "\"}}";
        String pad = "a".repeat(size - start.length() - end.length());
        return signedBody("size", description + " (" + size + " bytes)", id, HostileJson.utf8(start + pad + end))
                .expect(202, "ignored");
    }

    private HostileRequest tooLarge(String description, String id, int size, boolean chunked) {
        String start = "{\"event_type\":\"" + CREATED + "\",\"" + CREATED + "\":" + incident(id) + ",\"pad\":\"";
        byte[] body = HostileJson.utf8(start + "a".repeat(size - start.length() - 2) + "\"}");
        HostileRequest.Builder request = HostileRequest.post("size", description + " (" + size + " bytes)", PATH, body).json()
                .header("webhook-id", "msg_" + id).header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", sign("msg_" + id, now, body));
        return (chunked ? request.chunked() : request).expect(413, "larger than");
    }

    private HostileRequest wrongType(String description, String body, String reason) {
        return typed("wrong-type", description, body, reason);
    }

    private HostileRequest typed(String family, String description, String body, String reason) {
        return signedBody(family, description, nextId(), HostileJson.utf8(body)).expect(400, reason);
    }

    private HostileRequest ignored(String family, String description, String body) {
        return signedBody(family, description + " (ignored)", nextId(), HostileJson.utf8(body)).expect(202, "ignored");
    }

    private HostileRequest.Builder signedBody(String family, String description, String id, byte[] body) {
        String webhookId = "msg_" + id;
        return signed(family, description, webhookId, now, body, sign(webhookId, now, body));
    }

    private HostileRequest.Builder signedAt(String family, String description, String id, String timestamp) {
        byte[] body = body(id);
        String webhookId = "msg_" + id;
        return request(family, description, body).header("webhook-id", webhookId).header("webhook-timestamp", timestamp)
                .header("webhook-signature", WebhookSender.sign(secret, webhookId, timestamp, body));
    }

    private HostileRequest.Builder signed(String family, String description, String webhookId, long timestamp, byte[] body,
                                          String signature) {
        HostileRequest.Builder request = request(family, description, body).header("webhook-timestamp", Long.toString(timestamp));
        if (webhookId != null) {
            request.header("webhook-id", webhookId);
        }
        if (signature != null) {
            request.header("webhook-signature", signature);
        }
        return request;
    }

    private HostileRequest.Builder request(String family, String description, byte[] body) {
        return request(family, description, body, "");
    }

    private HostileRequest.Builder request(String family, String description, byte[] body, String query) {
        return HostileRequest.post(family, description, PATH + query, body).json();
    }

    private String nextId() {
        return MARK + (++sequence);
    }

    private <T> T pick(List<T> values) {
        return hostile.pick(values);
    }

    /** A created event for this incident whose id is the raw JSON given instead of a string. */
    private static String withRawId(String id, String rawJson) {
        return envelope(CREATED, incident(id)).replace("\"id\":\"" + id + "\"", "\"id\":" + rawJson);
    }

    private byte[] body(String id) {
        return HostileJson.utf8(envelope(CREATED, incident(id)));
    }

    /** A well-formed incident, as incident.io would send it, named with the marker the malformed cases break into. */
    static ObjectNode incident(String id) {
        ObjectNode incident = JSON.objectNode().put("id", id).put("name", "Hostile input " + id)
                .put("reference", "INC-" + id).put("updated_at", "2026-11-29T10:00:00.000000Z");
        incident.putObject("incident_status").put("id", "st-live").put("name", "Investigating").put("category", "live");
        return incident;
    }

    static String envelope(String eventType, JsonNode payload) {
        ObjectNode envelope = JSON.objectNode().put("event_type", eventType);
        envelope.set(eventType, payload);
        return HostileJson.write(envelope);
    }

    private static String envelopeWith(String field, JsonNode eventType, JsonNode payload) {
        ObjectNode envelope = JSON.objectNode();
        envelope.set(field, eventType);
        envelope.set(CREATED, payload);
        return HostileJson.write(envelope);
    }

    private static ObjectNode without(ObjectNode node, String field) {
        node.remove(field);
        return node;
    }

    private String sign(String id, long timestamp, byte[] body) {
        return WebhookSender.sign(secret, id, Long.toString(timestamp), body);
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
