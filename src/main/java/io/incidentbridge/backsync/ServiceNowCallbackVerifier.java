package io.incidentbridge.backsync;

import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.webhooks.WebhookRejected;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * ServiceNow callbacks carry {@code Authorization: Bearer <SERVICENOW_CALLBACK_SECRET>} and, optionally,
 * {@code X-Incident-Bridge-Signature: sha256=<hex HMAC-SHA256 of the body>} keyed with the same secret. Both are
 * compared in constant time; a wrong or missing one is a 401.
 */
@Component
public class ServiceNowCallbackVerifier {
    public static final String SIGNATURE_HEADER = "X-Incident-Bridge-Signature";
    private final byte[] secret;

    public ServiceNowCallbackVerifier(BridgeProperties properties) {
        this.secret = properties.webhooks().serviceNowCallbackSecret().reveal().getBytes(StandardCharsets.UTF_8);
    }

    public void verify(@Header("Authorization") String authorization, @Header(SIGNATURE_HEADER) String signature, @Body byte[] body) {
        if (secret.length == 0) {
            throw new WebhookRejected(401, "no callback secret is configured (SERVICENOW_CALLBACK_SECRET)");
        }
        String prefix = "Bearer ";
        if (authorization == null || !authorization.startsWith(prefix)
                || !MessageDigest.isEqual(secret, authorization.substring(prefix.length()).trim().getBytes(StandardCharsets.UTF_8))) {
            throw new WebhookRejected(401, "missing or wrong bearer token");
        }
        if (signature != null && !signature.isBlank()) {
            String expected = "sha256=" + HexFormat.of().formatHex(hmac(body));
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.trim().toLowerCase().getBytes(StandardCharsets.UTF_8))) {
                throw new WebhookRejected(401, SIGNATURE_HEADER + " does not match the body");
            }
        }
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
