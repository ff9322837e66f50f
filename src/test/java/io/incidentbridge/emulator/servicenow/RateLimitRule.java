package io.incidentbridge.emulator.servicenow;

import io.incidentbridge.emulator.core.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One "All users" rate-limit rule on the Table API: N requests per user per clock hour (reference §4;
 * sys_rate_limit_rules count per user and reset hourly). No rule exists by default.
 */
final class RateLimitRule {

    /** The outcome for one request: the X-RateLimit-* headers, and whether it is over the limit. */
    record Decision(int limit, long resetEpochSecond, String rule, boolean exceeded, long retryAfterSeconds) {

        List<ApiResponse.Header> headers() {
            return List.of(new ApiResponse.Header("X-RateLimit-Limit", String.valueOf(limit)),
                    new ApiResponse.Header("X-RateLimit-Reset", String.valueOf(resetEpochSecond)),
                    new ApiResponse.Header("X-RateLimit-Rule", rule));
        }
    }

    private final String ruleSysId = Identifiers.sysId();
    private final RateLimiter perUser = new RateLimiter(Duration.ofHours(1), RateLimiter.Windows.ALIGNED_TO_CLOCK);
    private volatile int requestsPerHour;

    /** 0 removes the rule; setting a rule starts every user's count afresh. */
    void requestsPerHour(int limit) {
        this.requestsPerHour = limit;
        perUser.reset();
    }

    int requestsPerHour() {
        return requestsPerHour;
    }

    Optional<Decision> count(String userName, Instant now) {
        int limit = requestsPerHour;
        if (limit <= 0) {
            return Optional.empty();
        }
        RateLimiter.Decision counted = perUser.acquire(userName, limit, now);
        return Optional.of(new Decision(limit, counted.windowEnd().getEpochSecond(), ruleSysId, counted.exceeded(),
                counted.retryAfterSeconds(now)));
    }
}
