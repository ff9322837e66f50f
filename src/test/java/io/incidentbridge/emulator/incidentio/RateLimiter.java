package io.incidentbridge.emulator.incidentio;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The per-key budget of requests per minute (reference b.4). A fixed one-minute window that opens with the
 * first request: incident.io does not document its window, and a fixed one makes tests predictable.
 */
final class RateLimiter {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private final Clock clock;
    private final ApiKeyPolicy policy;
    private Instant windowStart = Instant.MIN;
    private int used;

    RateLimiter(Clock clock, ApiKeyPolicy policy) {
        this.clock = clock;
        this.policy = policy;
    }

    /** Empty when the request is within budget; otherwise the moment the budget refills. */
    synchronized Optional<Instant> acquire() {
        Instant now = clock.instant();
        if (windowStart == Instant.MIN || !now.isBefore(windowStart.plus(WINDOW))) {
            windowStart = now;
            used = 0;
        }
        if (used >= policy.perMinute()) {
            return Optional.of(windowStart.plus(WINDOW));
        }
        used++;
        return Optional.empty();
    }

    synchronized Instant windowEnd() {
        Instant now = clock.instant();
        return windowStart == Instant.MIN || !now.isBefore(windowStart.plus(WINDOW)) ? now.plus(WINDOW) : windowStart.plus(WINDOW);
    }
}
