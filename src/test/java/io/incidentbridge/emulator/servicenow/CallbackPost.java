package io.incidentbridge.emulator.servicenow;

import io.incidentbridge.emulator.core.HmacSha256;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * The script's RESTMessageV2: POST, {@code Content-Type: application/json}, the three signing headers the script sets
 * ({@code X-Incident-Bridge-Id: msg_<gs.generateGUID()>}, {@code X-Incident-Bridge-Timestamp} in Unix seconds,
 * {@code X-Incident-Bridge-Signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>}, computed as
 * {@code GlideCertificateEncryption.generateMac} does it: the key is the base64 part of the whsec_ secret, the MAC comes
 * back in base64), and at most 15 seconds' wait for the answer ({@code waitForResponse(15)}). The earlier script
 * ({@link CallbackTarget#bearerOnly()}) sent {@code Authorization: Bearer <secret>} instead. A failed callback is not
 * retried; the script only logs a warning.
 */
final class CallbackPost {

    static final String ID_HEADER = "X-Incident-Bridge-Id";
    static final String TIMESTAMP_HEADER = "X-Incident-Bridge-Timestamp";
    static final String SIGNATURE_HEADER = "X-Incident-Bridge-Signature";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(WAIT)
            .build();
    private final Clock clock;

    CallbackPost(Clock clock) {
        this.clock = clock;
    }

    CallbackDelivery send(CallbackTarget target, StoredRow current, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url()))
                .timeout(WAIT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (target.bearerOnly()) {
            request.header("Authorization", "Bearer " + target.secret());
        } else {
            String id = "msg_" + Identifiers.sysId();
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            request.header(ID_HEADER, id).header(TIMESTAMP_HEADER, timestamp)
                    .header(SIGNATURE_HEADER, "v1," + generateMac(target.secret(), id + "." + timestamp + "." + body));
        }
        int status;
        String answer;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            answer = response.body();
        } catch (IOException e) {
            status = 0;
            answer = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 0;
            answer = "interrupted: the emulator was closed";
        }
        return new CallbackDelivery(clock.instant(), current.table(), current.sysId(),
                current.values().get("sys_mod_count"), current.values().get("sys_updated_by"), body, status, answer);
    }

    /**
     * {@code GlideCertificateEncryption.generateMac(key, "HmacSHA256", data)} with the script's key: the part of
     * {@code whsec_<base64>} after the prefix, taken base64-encoded as generateMac expects; the MAC is base64.
     */
    static String generateMac(String secret, String data) {
        String key = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        return HmacSha256.base64(Base64.getDecoder().decode(key), data.getBytes(StandardCharsets.UTF_8));
    }
}
