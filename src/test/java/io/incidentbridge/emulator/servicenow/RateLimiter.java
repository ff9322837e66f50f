package io.incidentbridge.emulator.servicenow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One "All users" rate-limit rule on the Table API: N requests per user per clock hour (reference §4;
 * sys_rate_limit_rules count per user and reset hourly). No rule exists by default.
 */
final class RateLimiter {

    /** The outcome for one request: the X-RateLimit-* headers, and whether it is over the limit. */
    record Decision(int limit, long resetEpochSecond, String rule, boolean exceeded, long retryAfterSeconds) {

        List<ApiResponse.Header> headers() {
            return List.of(new ApiResponse.Header("X-RateLimit-Limit", String.valueOf(limit)),
                    new ApiResponse.Header("X-RateLimit-Reset", String.valueOf(resetEpochSecond)),
                    new ApiResponse.Header("X-RateLimit-Rule", rule));
        }
    }

    private record Window(long hourStart, int count) {
    }

    private final String ruleSysId = Identifiers.sysId();
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private volatile int requestsPerHour;

    /** 0 removes the rule; setting a rule starts every user's count afresh. */
    void requestsPerHour(int limit) {
        this.requestsPerHour = limit;
        windows.clear();
    }

    int requestsPerHour() {
        return requestsPerHour;
    }

    Optional<Decision> count(String userName, Instant now) {
        int limit = requestsPerHour;
        if (limit <= 0) {
            return Optional.empty();
        }
        long hourStart = now.getEpochSecond() / 3600 * 3600;
        Window window = windows.merge(userName, new Window(hourStart, 1),
                (old, fresh) -> old.hourStart() == hourStart ? new Window(hourStart, old.count() + 1) : fresh);
        long reset = hourStart + 3600;
        return Optional.of(new Decision(limit, reset, ruleSysId, window.count() > limit,
                Math.max(1, reset - now.getEpochSecond())));
    }
}
