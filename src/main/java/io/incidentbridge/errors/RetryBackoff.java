package io.incidentbridge.errors;

import io.incidentbridge.config.BridgeProperties;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * How long an incident waits in the inbox before its next attempt: exponential in the number of
 * attempts, capped, with full jitter so many incidents failing together do not return together;
 * never sooner than a 429's Retry-After.
 */
@Component
public class RetryBackoff {
    private final BridgeProperties.Retry retry;

    public RetryBackoff(BridgeProperties properties) {
        this.retry = properties.retry();
    }

    public Duration delay(int attempts, SyncFailure failure) {
        double exponential = retry.initialDelay().toMillis() * Math.pow(retry.multiplier(), Math.min(attempts, 30));
        long capped = (long) Math.min(exponential, retry.maxDelay().toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        Duration delay = Duration.ofMillis(jittered);
        if (failure instanceof RateLimitedFailure limited && limited.retryAfter().compareTo(delay) > 0) {
            return limited.retryAfter();
        }
        return delay;
    }

    public Duration giveUpAfter() {
        return retry.giveUpAfter();
    }
}
