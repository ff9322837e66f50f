package io.incidentbridge.servicenow;

import java.time.Duration;
import java.time.Instant;

/**
 * One grant's result. {@code refreshAt} comes before {@code expiresAt} by the configured skew, but by
 * no more than half the lifetime, so a short-lived token is not refreshed on every call.
 * Never logged: toString hides both tokens.
 */
record ServiceNowToken(String accessToken, String refreshToken, Instant refreshAt) {

    static ServiceNowToken issued(String accessToken, String refreshToken, Instant now, Duration lifetime, Duration skew) {
        Duration lead = skew.compareTo(lifetime.dividedBy(2)) > 0 ? lifetime.dividedBy(2) : skew;
        return new ServiceNowToken(accessToken, refreshToken, now.plus(lifetime).minus(lead));
    }

    boolean freshAt(Instant now) {
        return now.isBefore(refreshAt);
    }

    ServiceNowToken expired() {
        return new ServiceNowToken(accessToken, refreshToken, Instant.EPOCH);
    }

    @Override
    public String toString() {
        return "ServiceNowToken[refreshAt=" + refreshAt + "]";
    }
}
