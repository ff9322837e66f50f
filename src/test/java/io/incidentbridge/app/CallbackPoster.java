package io.incidentbridge.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts ServiceNow callbacks to the bridge as the business rule in servicenow/ sends them: signed the Standard Webhooks
 * way over a new message id, the current time and the body, under the X-Incident-Bridge-* headers.
 */
final class CallbackPoster {
    static final String ID = "X-Incident-Bridge-Id";
    static final String TIMESTAMP = "X-Incident-Bridge-Timestamp";
    static final String SIGNATURE = "X-Incident-Bridge-Signature";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;
    private final String secret;

    CallbackPoster(int port, String secret) {
        this.url = "http://127.0.0.1:" + port + "/webhooks/servicenow";
        this.secret = secret;
    }

    /** The callback the business rule sends for the incident record as it is now (no journal entries). */
    static String body(Map<String, String> record) {
        return body("incident", record);
    }

    static String body(String table, Map<String, String> record) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("table", table).put("sys_id", record.get("sys_id"))
                .put("number", record.get("number")).put("sys_updated_on", record.get("sys_updated_on"))
                .put("sys_updated_by", record.get("sys_updated_by")).put("sys_mod_count", record.get("sys_mod_count"));
        ObjectNode values = body.putObject("values");
        record.forEach(values::put);
        body.putArray("journal");
        return body.toString();
    }

    /** The three headers the business rule sets for {@code body}, signed with {@code secret} at {@code at}. */
    static Map<String, String> signature(String secret, String id, Instant at, byte[] body) {
        String timestamp = Long.toString(at.getEpochSecond());
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, id);
        headers.put(TIMESTAMP, timestamp);
        headers.put(SIGNATURE, "v1," + Base64.getEncoder().encodeToString(hmac(key(secret), content)));
        return headers;
    }

    /** A fresh message id and now. */
    static Map<String, String> signature(String secret, byte[] body) {
        return signature(secret, newMessageId(), Instant.now(), body);
    }

    static String newMessageId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret);
    }

    static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> post(String body) throws Exception {
        return post(body, signature(secret, body.getBytes(StandardCharsets.UTF_8)));
    }

    HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
