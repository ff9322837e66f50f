package io.incidentbridge.errors;

import java.time.Duration;

/** The far side answered 429: try again, but not before it said we may. */
public final class RateLimitedFailure extends SyncFailure {
    private final Duration retryAfter;

    public RateLimitedFailure(String message, Duration retryAfter) {
        super(message, null);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public FailureKind kind() {
        return FailureKind.RATE_LIMITED;
    }
}
