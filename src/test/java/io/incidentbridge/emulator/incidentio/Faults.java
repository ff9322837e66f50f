package io.incidentbridge.emulator.incidentio;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Trouble to inject while a test runs: slow answers, a share of 5xx, a full outage, the next N requests
 * failing, the next N requests rate limited. Every switch is safe to flip from the test thread while the
 * server threads read it; each combined setting is one atomic value, so no request sees half of a change.
 */
public final class Faults {
    private record ErrorRate(double rate, int status) {
    }

    private record FailNext(int remaining, int status) {
    }

    private volatile Duration latency = Duration.ZERO;
    private volatile ErrorRate errorRate = new ErrorRate(0, 500);
    private volatile boolean outage;
    private final AtomicReference<FailNext> failNext = new AtomicReference<>(new FailNext(0, 500));
    private final AtomicInteger rateLimitNext = new AtomicInteger();

    /** Every answer is held back this long before it is sent. */
    public Faults latency(Duration delay) {
        latency = delay;
        return this;
    }

    /** This share (0..1) of requests is answered with {@code status} (a 5xx) instead of being handled. */
    public Faults errorRate(double rate, int status) {
        if (rate < 0 || rate > 1 || status < 500 || status > 599) {
            throw new IllegalArgumentException("error rate must be within 0..1 and the status a 5xx");
        }
        errorRate = new ErrorRate(rate, status);
        return this;
    }

    /** While on, every request is answered 503. */
    public Faults outage(boolean down) {
        outage = down;
        return this;
    }

    /** The next {@code count} requests are answered 500. */
    public Faults failNext(int count) {
        return failNext(count, 500);
    }

    public Faults failNext(int count, int status) {
        failNext.set(new FailNext(count, status));
        return this;
    }

    /** The next {@code count} authenticated requests are answered 429, whatever the real budget says. */
    public Faults rateLimitNext(int count) {
        rateLimitNext.set(count);
        return this;
    }

    public void reset() {
        latency = Duration.ZERO;
        errorRate = new ErrorRate(0, 500);
        outage = false;
        failNext.set(new FailNext(0, 500));
        rateLimitNext.set(0);
    }

    Duration latency() {
        return latency;
    }

    boolean outage() {
        return outage;
    }

    /** The status to fail this request with, if a failure is due (next-N first, then the random share). */
    OptionalInt takeFailure() {
        FailNext before = failNext.getAndUpdate(f -> f.remaining() > 0 ? new FailNext(f.remaining() - 1, f.status()) : f);
        if (before.remaining() > 0) {
            return OptionalInt.of(before.status());
        }
        ErrorRate rate = errorRate;
        if (rate.rate() > 0 && ThreadLocalRandom.current().nextDouble() < rate.rate()) {
            return OptionalInt.of(rate.status());
        }
        return OptionalInt.empty();
    }

    boolean takeRateLimit() {
        return rateLimitNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
