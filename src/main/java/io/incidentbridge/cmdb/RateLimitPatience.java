package io.incidentbridge.cmdb;

import io.incidentbridge.errors.RateLimitedFailure;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Background jobs (the CMDB import) share the API's rate limit with live traffic: on a 429 they wait as long
 * as they are told (a few times, at most a minute each) instead of failing the whole run.
 */
@Component
public class RateLimitPatience {
    private static final int ATTEMPTS = 5;
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

    public <T> T call(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RateLimitedFailure limited) {
                if (attempt == ATTEMPTS) {
                    throw limited;
                }
                pause(limited.retryAfter().compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : limited.retryAfter());
            }
        }
    }

    public void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(Math.max(100, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting out a rate limit", e);
        }
    }
}
