package io.incidentbridge.emulator.servicenow;

import java.util.Objects;

/**
 * Where the callback rule posts, and how: the two system properties the business rule reads
 * ({@code x_incident_bridge.callback_url}, {@code x_incident_bridge.callback_secret}, sent as the bearer token),
 * optionally an HMAC-SHA256 signature of the body keyed with {@code hmacSecret} (what an outbound REST message with
 * a signing step adds; the shipped script sends none), and whether inserts fire too (the rule's Insert box, which
 * the install steps leave unchecked).
 */
public record CallbackTarget(String url, String token, String hmacSecret, boolean onInsert) {

    public CallbackTarget {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
    }

    /** Update only, bearer token only: the business rule as docs/servicenow-callbacks.md installs it. */
    public static CallbackTarget of(String url, String token) {
        return new CallbackTarget(url, token, null, false);
    }

    /** Adds {@code X-Incident-Bridge-Signature: sha256=<hex HMAC-SHA256 of the body>}. */
    public CallbackTarget signedWith(String secret) {
        return new CallbackTarget(url, token, secret, onInsert);
    }

    /** Fires after inserts as well as updates. */
    public CallbackTarget onInsertToo() {
        return new CallbackTarget(url, token, hmacSecret, true);
    }

    @Override
    public String toString() {
        return "CallbackTarget[url=" + url + ", token=****, signed=" + (hmacSecret != null) + ", onInsert=" + onInsert + "]";
    }
}
