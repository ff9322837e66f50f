package io.incidentbridge.emulator.core;

import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 in base64, the MAC both systems sign outgoing webhooks with: incident.io through Standard Webhooks
 * (Svix), ServiceNow's callback business rule through {@code GlideCertificateEncryption.generateMac}.
 */
public final class HmacSha256 {
    private HmacSha256() {
    }

    public static String base64(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
