package io.incidentbridge.emulator.core;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A budget of requests per fixed window, counted per key (an API key, a user). A window either follows the clock
 * (ServiceNow's rules reset on the hour) or opens with a key's first request (incident.io does not document its
 * window, and one that opens with the first request makes tests predictable).
 */
public final class RateLimiter {

    public enum Windows { ALIGNED_TO_CLOCK, FROM_FIRST_REQUEST }

    /** The outcome for one request: the limit it was counted against, when its window ends, whether it is over. */
    public record Decision(int limit, Instant windowEnd, boolean exceeded) {

        /** Whole seconds until the window ends, at least 1. */
        public long retryAfterSeconds(Instant now) {
            return Math.max(1, windowEnd.getEpochSecond() - now.getEpochSecond());
        }
    }

    private record Window(Instant start, int count) {
    }

    private final Duration length;
    private final Windows windows;
    private final Map<String, Window> counts = new HashMap<>();

    public RateLimiter(Duration length, Windows windows) {
        this.length = length;
        this.windows = windows;
    }

    /** Counts one request of {@code key} against {@code limit} requests per window. */
    public synchronized Decision acquire(String key, int limit, Instant now) {
        Window window = current(key, now);
        window = new Window(window.start(), window.count() + 1);
        counts.put(key, window);
        return new Decision(limit, window.start().plus(length), window.count() > limit);
    }

    /** When the window a request of {@code key} made now would be counted in ends. */
    public synchronized Instant windowEnd(String key, Instant now) {
        return current(key, now).start().plus(length);
    }

    /** Starts every key's count afresh. */
    public synchronized void reset() {
        counts.clear();
    }

    private Window current(String key, Instant now) {
        Window window = counts.get(key);
        Instant start = switch (windows) {
            case ALIGNED_TO_CLOCK -> Instant.ofEpochSecond(now.getEpochSecond() / length.toSeconds() * length.toSeconds());
            case FROM_FIRST_REQUEST -> window != null && now.isBefore(window.start().plus(length)) ? window.start() : now;
        };
        return window != null && window.start().equals(start) ? window : new Window(start, 0);
    }
}
