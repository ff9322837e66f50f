package io.incidentbridge.incidentio;

import io.incidentbridge.webhooks.WebhookRejected;
import io.incidentbridge.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks (Svix) signatures as incident.io sends them: {@code v1,<base64 HMAC-SHA256>} over
 * {@code id.timestamp.rawBody}, keyed with the base64 part of a {@code whsec_} secret. Several secrets
 * may be configured during rotation and the header may carry several signatures; one match is enough.
 * The same scheme signs ServiceNow's callbacks, under headers of their own ({@link Headers}).
 */
public final class StandardWebhookVerifier {
    private static final String PREFIX = "whsec_";
    private final Headers headers;
    private final List<byte[]> keys;
    private final Duration tolerance;
    private final Clock clock;

    /** The names a sender uses for the three headers, and the setting that holds the secrets (for the messages). */
    public record Headers(String id, String timestamp, String signature, String secretSetting) {
        public static final Headers INCIDENT_IO = new Headers("webhook-id", "webhook-timestamp", "webhook-signature",
                "INCIDENTIO_WEBHOOK_SECRET");
    }

    public StandardWebhookVerifier(Secret secrets, Duration tolerance, Clock clock) {
        this(Headers.INCIDENT_IO, secrets, tolerance, clock);
    }

    public StandardWebhookVerifier(Headers headers, Secret secrets, Duration tolerance, Clock clock) {
        this.headers = headers;
        this.keys = decodeKeys(secrets, headers.secretSetting());
        this.tolerance = tolerance;
        this.clock = clock;
    }

    public boolean configured() {
        return !keys.isEmpty();
    }

    public void verify(String id, String timestamp, String signatureHeader, byte[] body) {
        if (keys.isEmpty()) {
            throw new WebhookRejected(401, "no webhook secret is configured (" + headers.secretSetting() + ")");
        }
        if (isBlank(id) || isBlank(timestamp) || isBlank(signatureHeader)) {
            throw new WebhookRejected(401, "missing " + headers.id() + ", " + headers.timestamp() + " or "
                    + headers.signature() + " header");
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new WebhookRejected(401, headers.timestamp() + " is not a Unix time in seconds");
        }
        // A range check, not Math.abs(now - sentAt): that difference overflows for a timestamp near Long.MIN_VALUE,
        // and Math.abs(Long.MIN_VALUE) is negative, so such a timestamp would count as current.
        long now = clock.instant().getEpochSecond();
        if (sentAt < now - tolerance.toSeconds() || sentAt > now + tolerance.toSeconds()) {
            throw new WebhookRejected(401, headers.timestamp() + " is outside the " + tolerance.toSeconds() + " s tolerance");
        }
        byte[] signedContent = concat((id + "." + timestamp.trim() + ".").getBytes(StandardCharsets.UTF_8), body);
        List<byte[]> offered = offeredSignatures(signatureHeader);
        for (byte[] key : keys) {
            byte[] expected = hmac(key, signedContent);
            for (byte[] candidate : offered) {
                if (MessageDigest.isEqual(expected, candidate)) {
                    return;
                }
            }
        }
        throw new WebhookRejected(401, "no " + headers.signature() + " matches a configured secret");
    }

    private static List<byte[]> offeredSignatures(String header) {
        List<byte[]> signatures = new ArrayList<>();
        for (String entry : header.trim().split(" +")) {
            int comma = entry.indexOf(',');
            if (comma > 0 && entry.substring(0, comma).equals("v1")) {
                try {
                    signatures.add(Base64.getDecoder().decode(entry.substring(comma + 1)));
                } catch (IllegalArgumentException notBase64) {
                    // A malformed entry simply cannot match; a well-formed one beside it still may.
                    continue;
                }
            }
        }
        return signatures;
    }

    /** The keys of whsec_&lt;base64&gt; (or bare base64) secrets, comma-separated; a blank one is skipped. */
    public static List<byte[]> decodeKeys(Secret secrets, String setting) {
        List<byte[]> keys = new ArrayList<>();
        for (String secret : secrets.reveal().split(",")) {
            String trimmed = secret.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String encoded = trimmed.startsWith(PREFIX) ? trimmed.substring(PREFIX.length()) : trimmed;
            try {
                keys.add(Base64.getDecoder().decode(encoded));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(setting + " holds a secret that is not whsec_<base64>");
            }
        }
        return List.copyOf(keys);
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
