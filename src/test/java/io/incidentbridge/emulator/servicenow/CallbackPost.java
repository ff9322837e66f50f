package io.incidentbridge.emulator.servicenow;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The script's RESTMessageV2: POST, {@code Content-Type: application/json}, {@code Authorization: Bearer <secret>},
 * and at most 15 seconds' wait for the answer ({@code waitForResponse(15)}). A failed callback is not retried;
 * the script only logs a warning.
 */
final class CallbackPost {

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
                .header("Authorization", "Bearer " + target.token())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (target.hmacSecret() != null) {
            request.header(SIGNATURE_HEADER, "sha256=" + hmacHex(target.hmacSecret(), body));
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

    static String hmacHex(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
