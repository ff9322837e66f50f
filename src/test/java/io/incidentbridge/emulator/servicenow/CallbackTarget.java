package io.incidentbridge.emulator.servicenow;

import java.util.Objects;

/**
 * Where the callback rule posts, and how: the two system properties the business rule reads
 * ({@code x_incident_bridge.callback_url}, {@code x_incident_bridge.callback_secret}, a {@code whsec_<base64>} key the
 * script signs each callback with), whether it is the earlier script that sent the secret as a bearer token instead
 * ({@link #bearerOnly}), and whether inserts fire too (the rule's Insert box, which the install steps leave unchecked).
 */
public record CallbackTarget(String url, String secret, boolean bearerOnly, boolean onInsert) {

    public CallbackTarget {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
    }

    /** Update only, signed: the business rule as docs/servicenow-callbacks.md installs it. */
    public static CallbackTarget of(String url, String secret) {
        return new CallbackTarget(url, secret, false, false);
    }

    /** The earlier script: {@code Authorization: Bearer <secret>} and no signature. */
    public CallbackTarget bearerOnlyScript() {
        return new CallbackTarget(url, secret, true, onInsert);
    }

    /** Fires after inserts as well as updates. */
    public CallbackTarget onInsertToo() {
        return new CallbackTarget(url, secret, bearerOnly, true);
    }

    @Override
    public String toString() {
        return "CallbackTarget[url=" + url + ", secret=****, bearerOnly=" + bearerOnly + ", onInsert=" + onInsert + "]";
    }
}
