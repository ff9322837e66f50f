package io.incidentbridge.emulator.incidentio;

import io.incidentbridge.emulator.core.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Standard Webhooks (Svix) signing scheme incident.io uses (reference b.1): the key is the base64-decoded
 * part of a {@code whsec_} secret; the signature is base64(HMAC-SHA256(key, "id.timestamp.body")) over the raw
 * body bytes; the header carries one space-separated {@code v1,<sig>} entry per secret during rotation.
 */
final class StandardWebhooks {
    static final String SECRET_PREFIX = "whsec_";
    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private StandardWebhooks() {
    }

    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** Svix message ids are {@code msg_} and a 27-character base-62 KSUID; random characters serve as well here. */
    static String newMessageId() {
        char[] id = new char[27];
        for (int i = 0; i < id.length; i++) {
            id[i] = BASE62[RANDOM.nextInt(BASE62.length)];
        }
        return "msg_" + new String(id);
    }

    static String sign(String secret, String id, long timestamp, String body) {
        return sign(secret, id, Long.toString(timestamp), body.getBytes(StandardCharsets.UTF_8));
    }

    static String sign(String secret, String id, String timestamp, byte[] body) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return "v1," + HmacSha256.base64(key(secret), signed);
    }

    static String signatureHeader(List<String> secrets, String id, long timestamp, String body) {
        return secrets.stream().map(secret -> sign(secret, id, timestamp, body)).collect(Collectors.joining(" "));
    }

    /** Fails fast on a secret that is not {@code whsec_<base64>}, rather than at the first send. */
    static void checkSecret(String secret) {
        key(secret);
    }

    private static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a webhook secret looks like whsec_<base64>");
        }
        try {
            return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the part of a webhook secret after whsec_ must be base64", e);
        }
    }
}
