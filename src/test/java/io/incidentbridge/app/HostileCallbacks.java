package io.incidentbridge.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Generates hostile ServiceNow callbacks from a seed. Most are about a record the bridge made ({@code linkedSysId}),
 * so that anything let through would be stored and acted on; the rest are about records it did not make, which it
 * accepts and ignores. None is a change the bridge should apply, so none may leave anything behind.
 */
final class HostileCallbacks {
    static final String PATH = "/webhooks/servicenow";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Random random;
    private final HostileJson hostile;
    private final String secret;
    private final String linkedSysId;
    private final int maxBytes;
    private final List<HostileRequest> requests = new ArrayList<>();
    private int sequence;

    HostileCallbacks(long seed, String secret, String linkedSysId, int maxBytes) {
        this.random = new Random(seed);
        this.hostile = new HostileJson(random);
        this.secret = secret;
        this.linkedSysId = linkedSysId;
        this.maxBytes = maxBytes;
    }

    List<HostileRequest> generate() {
        authentication(40);
        malformed(50);
        wrongTypes(70);
        unicode(20);
        sizes(15);
        nesting(15);
        contentTypes(10);
        for (String method : List.of("GET", "PUT", "PATCH", "DELETE")) {
            requests.add(authorized("method", method, linked()).method(method).expect(405, ""));
        }
        return List.copyOf(requests);
    }

    private void authentication(int count) {
        long now = java.time.Instant.now().getEpochSecond();
        List<Supplier<HostileRequest>> faults = List.of(
                () -> plain("no signature headers", linked()).expect(401, "missing X-Incident-Bridge-Id"),
                () -> plain("the secret as a bearer token, as the earlier script sent it", linked())
                        .header("Authorization", "Bearer " + secret).expect(401, "missing X-Incident-Bridge-Id"),
                // Spring Security answers Basic credentials that are not an admin's before the route runs.
                () -> plain("Basic credentials", linked()).header("Authorization",
                        "Basic " + base64(("bridge:" + secret).getBytes(StandardCharsets.UTF_8))).expect(401, "Unauthorized"),
                () -> HostileRequest.post("authentication", "signature headers in the query string", PATH + "?"
                        + query(CallbackPoster.signature(secret, linked())), linked()).json()
                        .expect(401, "missing X-Incident-Bridge-Id"),
                () -> signed("no message id", body -> without(CallbackPoster.signature(secret, body), CallbackPoster.ID),
                        "missing X-Incident-Bridge-Id"),
                () -> signed("no timestamp", body -> without(CallbackPoster.signature(secret, body), CallbackPoster.TIMESTAMP),
                        "missing X-Incident-Bridge-Id"),
                () -> signed("no signature", body -> without(CallbackPoster.signature(secret, body), CallbackPoster.SIGNATURE),
                        "missing X-Incident-Bridge-Id"),
                () -> signed("signed under another key", body -> CallbackPoster.signature(
                        "whsec_" + base64(randomBytes(32)), body), "no X-Incident-Bridge-Signature matches"),
                () -> signed("signed over another body", body -> CallbackPoster.signature(secret, HostileJson.utf8("{}")),
                        "no X-Incident-Bridge-Signature matches"),
                () -> signed("signed with the whsec_ text as the key", body -> replaced(CallbackPoster.signature(secret, body),
                        headers -> "v1," + base64(CallbackPoster.hmac(secret.getBytes(StandardCharsets.UTF_8),
                                content(headers, body)))), "no X-Incident-Bridge-Signature matches"),
                () -> signed("another message id than the one signed", body -> with(CallbackPoster.signature(secret, body),
                        CallbackPoster.ID, CallbackPoster.newMessageId()), "no X-Incident-Bridge-Signature matches"),
                () -> signed("a random signature", body -> with(CallbackPoster.signature(secret, body), CallbackPoster.SIGNATURE,
                        "v1," + base64(randomBytes(32))), "no X-Incident-Bridge-Signature matches"),
                () -> signed("a signature that is not base64", body -> with(CallbackPoster.signature(secret, body),
                        CallbackPoster.SIGNATURE, "v1,zz*" + hex(randomBytes(30))), "no X-Incident-Bridge-Signature matches"),
                () -> signed("the right signature under another version", body -> replaced(CallbackPoster.signature(secret, body),
                        headers -> headers.get(CallbackPoster.SIGNATURE).replace("v1,", "v2,")), "no X-Incident-Bridge-Signature matches"),
                () -> signed("the right signature without its prefix", body -> replaced(CallbackPoster.signature(secret, body),
                        headers -> headers.get(CallbackPoster.SIGNATURE).substring(3)), "no X-Incident-Bridge-Signature matches"),
                () -> signed("the old hex signature of the body", body -> with(CallbackPoster.signature(secret, body),
                        CallbackPoster.SIGNATURE, "sha256=" + hex(CallbackPoster.hmac(CallbackPoster.key(secret), body))),
                        "no X-Incident-Bridge-Signature matches"),
                () -> signed("signed six minutes ago", body -> CallbackPoster.signature(secret, CallbackPoster.newMessageId(),
                        java.time.Instant.ofEpochSecond(now - 360), body), "outside the 300 s tolerance"),
                () -> signed("signed six minutes ahead", body -> CallbackPoster.signature(secret, CallbackPoster.newMessageId(),
                        java.time.Instant.ofEpochSecond(now + 360), body), "outside the 300 s tolerance"),
                () -> signed("a timestamp in milliseconds", body -> CallbackPoster.signature(secret, CallbackPoster.newMessageId(),
                        java.time.Instant.ofEpochSecond(now * 1000), body), "outside the 300 s tolerance"),
                () -> signed("a timestamp that is not a number", body -> with(CallbackPoster.signature(secret, body),
                        CallbackPoster.TIMESTAMP, "yesterday"), "not a Unix time"),
                () -> signed("the lowest timestamp there is", body -> with(CallbackPoster.signature(secret, body),
                        CallbackPoster.TIMESTAMP, Long.toString(Long.MIN_VALUE)), "outside the 300 s tolerance"));
        for (int i = 0; i < count; i++) {
            requests.add(faults.get(i % faults.size()).get());
        }
    }

    private static String query(java.util.Map<String, String> headers) {
        List<String> pairs = new ArrayList<>();
        headers.forEach((name, value) -> pairs.add(name + "=" + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    private static java.util.Map<String, String> without(java.util.Map<String, String> headers, String name) {
        java.util.Map<String, String> copy = new java.util.LinkedHashMap<>(headers);
        copy.remove(name);
        return copy;
    }

    private static java.util.Map<String, String> with(java.util.Map<String, String> headers, String name, String value) {
        java.util.Map<String, String> copy = new java.util.LinkedHashMap<>(headers);
        copy.put(name, value);
        return copy;
    }

    private static java.util.Map<String, String> replaced(java.util.Map<String, String> headers,
                                                          Function<java.util.Map<String, String>, String> signature) {
        return with(headers, CallbackPoster.SIGNATURE, signature.apply(headers));
    }

    private static byte[] content(java.util.Map<String, String> headers, byte[] body) {
        byte[] prefix = (headers.get(CallbackPoster.ID) + "." + headers.get(CallbackPoster.TIMESTAMP) + ".")
                .getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return content;
    }

    private void malformed(int count) {
        for (int i = 0; i < count; i++) {
            String valid = callback(linkedSysId).toString();
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
            requests.add(authorized("malformed", body.description(), body.bytes()).expect(400, "the body is not"));
        }
        requests.add(authorized("malformed", "empty body", new byte[0]).expect(400, "empty"));
        for (int i = 0; i < 6; i++) {
            HostileJson.Body body = hostile.notAnObject();
            requests.add(authorized("malformed", body.description(), body.bytes()).expect(400, "not a JSON object"));
        }
        String unlinked = randomSysId();
        String duplicated = callback(unlinked).toString().replace("\"sys_id\":\"" + unlinked + "\"",
                "\"sys_id\":\"" + unlinked + "\",\"sys_id\":\"" + linkedSysId + "\"");
        requests.add(authorized("malformed", "sys_id given twice", HostileJson.utf8(duplicated)).expect(400, "duplicate"));
    }

    private void wrongTypes(int count) {
        List<JsonNode> wrongValues = List.of(JSON.numberNode(4), JSON.numberNode(-1.5), JSON.arrayNode(), JSON.arrayNode().add("x"),
                JSON.objectNode(), JSON.nullNode(), JSON.booleanNode(false), JSON.textNode(""), JSON.textNode("  "));
        // A null is what GlideRecord.getValue gives for an empty field: the bridge takes it as empty.
        List<JsonNode> notStrings = wrongValues.stream().filter(value -> !value.isTextual() && !value.isNull()).toList();
        List<Supplier<HostileRequest>> faults = List.of(
                () -> field("table", pick(List.of(JSON.textNode("sys_user"), JSON.textNode("INCIDENT"),
                        JSON.textNode("incident^NQtable=task"), JSON.textNode("incident "), JSON.numberNode(1), JSON.nullNode())),
                        "table"),
                () -> missing("table", "table"),
                () -> field("sys_id", pick(List.of(JSON.textNode(linkedSysId.toUpperCase()), JSON.textNode(linkedSysId + "0"),
                        JSON.textNode(linkedSysId.substring(1)), JSON.textNode(linkedSysId.substring(2) + "^NQ"),
                        JSON.textNode("javascript:gs.getUserID()"), JSON.numberNode(1), JSON.arrayNode().add(linkedSysId))), "sys_id"),
                () -> missing("sys_id", "sys_id"),
                () -> field("sys_updated_on", pick(wrongValues), "sys_updated_on"),
                () -> field("sys_updated_by", pick(wrongValues), "sys_updated_by"),
                () -> missing("sys_updated_by", "sys_updated_by"),
                () -> field("sys_mod_count", pick(wrongValues), "sys_mod_count"),
                () -> field("sys_mod_count", JSON.textNode(pick(List.of("4^NQsys_id=x", "-1", "abc", "1e3", "4 ", "0x10",
                        "\u0000", "99999999999999999999999"))), "sys_mod_count"),
                () -> missing("sys_mod_count", "sys_mod_count"),
                () -> field("values", pick(List.of(JSON.arrayNode(), JSON.textNode("state=6"), JSON.nullNode(), JSON.numberNode(6))),
                        "values"),
                () -> missing("values", "values"),
                () -> {
                    JsonNode wrong = pick(notStrings);
                    ObjectNode values = JSON.objectNode().put("short_description", "Hostile values");
                    values.set(pick(List.of("state", "impact", "urgency", "close_notes")), wrong);
                    return field("values", values, "values");
                },
                () -> field("journal", pick(List.of(JSON.objectNode(), JSON.textNode("note"), JSON.numberNode(1), JSON.nullNode())),
                        "journal"),
                () -> {
                    JsonNode wrong = pick(notStrings);
                    ArrayNode journal = JSON.arrayNode();
                    journal.add(random.nextBoolean() ? wrong : JSON.objectNode().put("element", "work_notes").set("value", wrong));
                    return field("journal", journal, "journal");
                });
        for (int i = 0; i < count; i++) {
            requests.add(faults.get(i % faults.size()).get());
        }
    }

    private void unicode(int count) {
        for (int i = 0; i < count; i++) {
            String text = hostile.unicodeText();
            HostileRequest request = switch (i % 5) {
                case 0 -> field("unicode", "sys_id", JSON.textNode(linkedSysId.substring(0, 31) + text), "sys_id");
                case 1 -> field("unicode", "table", JSON.textNode("incident" + text), "table");
                case 2 -> field("unicode", "sys_mod_count", JSON.textNode(pick(List.of("\u0664", "\uff14", "4" + text))),
                        "sys_mod_count");
                case 3 -> {
                    ObjectNode body = callback(randomSysId());
                    ((ObjectNode) body.get("values")).put("short_description", "Hostile " + text).put("state", text);
                    yield authorized("unicode", "values " + HostileJson.visible(text) + " of a record the bridge did not make",
                            HostileJson.utf8(HostileJson.write(body))).expect(202, "ignored");
                }
                default -> {
                    ObjectNode body = callback(randomSysId()).put("sys_updated_by", "user" + text);
                    yield authorized("unicode", "sys_updated_by " + HostileJson.visible(text) + " of a record the bridge did not make",
                            HostileJson.utf8(HostileJson.write(body))).expect(202, "ignored");
                }
            };
            requests.add(request);
        }
    }

    private void sizes(int count) {
        for (int i = 0; i < count; i++) {
            HostileRequest request = switch (i % 7) {
                case 0 -> ignoredOfSize("exactly the limit", maxBytes);
                case 1 -> ignoredOfSize("just under the limit", maxBytes - 1 - random.nextInt(4096));
                case 2 -> tooLarge("one byte over the limit", maxBytes + 1, false);
                case 3 -> tooLarge("far over the limit", maxBytes + 1 + random.nextInt(1_000_000), false);
                case 4 -> tooLarge("over the limit, chunked", maxBytes + 1 + random.nextInt(500_000), true);
                case 5 -> field("size", "sys_updated_by", JSON.textNode("u".repeat(121 + random.nextInt(maxBytes / 2))),
                        "sys_updated_by");
                default -> {
                    HostileJson.Body body = hostile.oversizedToken("{\"table\":\"incident\",\"values\":{");
                    yield authorized("size", body.description(), body.bytes()).expect(400, "the body is not");
                }
            };
            requests.add(request);
        }
        int entries = 5_000 + random.nextInt(5_000);
        ArrayNode journal = JSON.arrayNode();
        for (int i = 0; i < entries; i++) {
            journal.add(i);
        }
        requests.add(field("size", "journal", journal, "journal"));
    }

    private void nesting(int count) {
        for (int i = 0; i < count; i++) {
            int depth = 500 + random.nextInt(490);
            HostileRequest request = switch (i % 3) {
                case 0 -> {
                    HostileJson.Body body = hostile.tooDeep();
                    yield authorized("nesting", body.description(), body.bytes()).expect(400, "nesting depth");
                }
                case 1 -> {
                    ObjectNode values = JSON.objectNode().put("short_description", "Hostile nesting");
                    String body = callback(linkedSysId).set("values", values).toString()
                            .replace("\"short_description\":", "\"state\":" + hostile.nestedWithin(depth) + ",\"short_description\":");
                    yield authorized("nesting", depth + " nested arrays as a value", HostileJson.utf8(body)).expect(400, "values");
                }
                default -> {
                    String body = callback(randomSysId()).toString().replace("\"journal\":", "\"extra\":" + hostile.nestedWithin(depth)
                            + ",\"journal\":");
                    yield authorized("nesting", depth + " nested arrays on a record the bridge did not make",
                            HostileJson.utf8(body)).expect(202, "ignored");
                }
            };
            requests.add(request);
        }
    }

    private void contentTypes(int count) {
        List<String> types = List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=b", "application/xml",
                "text/xml", "application/octet-stream", "text/csv", "application/json-patch", "audio/json1");
        for (int i = 0; i < count; i++) {
            String type = types.get(i % types.size());
            byte[] body = linked();
            HostileRequest.Builder request = HostileRequest.post("content-type", type, PATH, body).header("Content-Type", type);
            CallbackPoster.signature(secret, body).forEach(request::header);
            requests.add(request.expect(415, "application/json"));
        }
    }

    private HostileRequest ignoredOfSize(String description, int size) {
        ObjectNode body = callback(randomSysId());
        ((ObjectNode) body.get("values")).put("description", "");
        String text = body.toString();
        String padded = text.replace("\"description\":\"\"", "\"description\":\"" + "d".repeat(size - text.length()) + "\"");
        return authorized("size", description + " (" + size + " bytes), a record the bridge did not make", HostileJson.utf8(padded))
                .expect(202, "ignored");
    }

    private HostileRequest tooLarge(String description, int size, boolean chunked) {
        ObjectNode body = callback(linkedSysId);
        ((ObjectNode) body.get("values")).put("description", "");
        String text = body.toString();
        String padded = text.replace("\"description\":\"\"", "\"description\":\"" + "d".repeat(size - text.length()) + "\"");
        HostileRequest.Builder request = authorized("size", description + " (" + size + " bytes)", HostileJson.utf8(padded));
        return (chunked ? request.chunked() : request).expect(413, "larger than");
    }

    private HostileRequest field(String name, JsonNode value, String reason) {
        return field("wrong-type", name, value, reason);
    }

    private HostileRequest field(String family, String name, JsonNode value, String reason) {
        ObjectNode body = callback(linkedSysId);
        body.set(name, value);
        return authorized(family, name + " is " + HostileJson.visible(abbreviated(value)), HostileJson.utf8(HostileJson.write(body)))
                .expect(400, reason);
    }

    private HostileRequest missing(String name, String reason) {
        ObjectNode body = callback(linkedSysId);
        body.remove(name);
        return authorized("wrong-type", "no " + name, HostileJson.utf8(HostileJson.write(body))).expect(400, reason);
    }

    /** A linked callback under the signature headers {@code headers} makes of its body. */
    private HostileRequest signed(String description, Function<byte[], java.util.Map<String, String>> headers, String reason) {
        byte[] body = linked();
        HostileRequest.Builder request = plain("signature: " + description, body);
        headers.apply(body).forEach(request::header);
        return request.expect(401, reason);
    }

    private HostileRequest.Builder plain(String description, byte[] body) {
        return HostileRequest.post("authentication", description, PATH, body).json();
    }

    /** Signed as the business rule signs: a new message id, now, and the body as sent. */
    private HostileRequest.Builder authorized(String family, String description, byte[] body) {
        HostileRequest.Builder request = HostileRequest.post(family, description, PATH, body).json();
        CallbackPoster.signature(secret, body).forEach(request::header);
        return request;
    }

    private byte[] linked() {
        return HostileJson.utf8(callback(linkedSysId).toString());
    }

    /** A callback as the business rule sends it, with a fresh sys_mod_count so that no two share a delivery id. */
    private ObjectNode callback(String sysId) {
        ObjectNode body = JSON.objectNode().put("table", "incident").put("sys_id", sysId).put("number", "INC0099999")
                .put("sys_updated_on", "2026-11-29 10:00:00").put("sys_updated_by", "beth.anglin")
                .put("sys_mod_count", Integer.toString(1_000 + ++sequence));
        body.putObject("values").put("state", "6").put("short_description", "Hostile input " + sequence)
                .put("close_code", "Solution provided");
        body.putArray("journal").addObject().put("element", "work_notes").put("value", "Hostile note " + sequence)
                .put("sys_created_on", "2026-11-29 10:00:00").put("sys_created_by", "beth.anglin");
        return body;
    }

    private String randomSysId() {
        return hex(randomBytes(16));
    }

    private <T> T pick(List<T> values) {
        return hostile.pick(values);
    }

    private static String abbreviated(JsonNode value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "... (" + text.length() + ")" : text;
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
