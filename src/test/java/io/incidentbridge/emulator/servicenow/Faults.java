package io.incidentbridge.emulator.servicenow;

import java.time.Duration;
import java.util.Random;

/**
 * Run-time fault switches. Every setter is thread-safe and applies to the next request. Faults hit the Table
 * and Aggregate APIs ({@code /api/...}); an outage also takes down {@code /oauth_token.do} (reference §4, §J).
 */
public final class Faults {

    private double errorRate;
    private int errorStatus = 500;
    private Duration latency = Duration.ZERO;
    private boolean outage;
    private int failRemaining;
    private int failStatus;
    private int rateLimitedRemaining;
    private int retryAfterSeconds;
    private int hangRemaining;
    private Duration hang = Duration.ZERO;
    private boolean htmlErrorBodies;
    private Random random = new Random();

    Faults() {
    }

    /** Answers this fraction of API requests, chosen at random (see {@link #seed}), with {@code status}. */
    public synchronized Faults errorRate(double fraction, int status) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction must be within [0, 1]: " + fraction);
        }
        this.errorRate = fraction;
        this.errorStatus = status;
        return this;
    }

    /** Holds every API request this long before handling it. */
    public synchronized Faults latency(Duration d) {
        this.latency = d;
        return this;
    }

    /** Every request, OAuth included, gets 503 - like a hibernating or upgrading instance. */
    public synchronized Faults outage(boolean on) {
        this.outage = on;
        return this;
    }

    public synchronized Faults failNext(int n, int status) {
        this.failRemaining = n;
        this.failStatus = status;
        return this;
    }

    /** The next n API requests get 429 with {@code Retry-After: retryAfterSeconds}. */
    public synchronized Faults rateLimitNext(int n, int retryAfterSeconds) {
        this.rateLimitedRemaining = n;
        this.retryAfterSeconds = retryAfterSeconds;
        return this;
    }

    /** Holds the next n API requests for {@code d} and then answers them normally, to trip client timeouts. */
    public synchronized Faults hangNext(int n, Duration d) {
        this.hangRemaining = n;
        this.hang = d;
        return this;
    }

    public synchronized Faults seed(long seed) {
        this.random = new Random(seed);
        return this;
    }

    /**
     * Injected error statuses come with an HTML page instead of the JSON error envelope, as a hibernating
     * instance or a proxy would send; Camel's client cannot parse those (§7 error mapping).
     */
    public synchronized Faults htmlErrorBodies(boolean on) {
        this.htmlErrorBodies = on;
        return this;
    }

    public synchronized void reset() {
        errorRate = 0;
        errorStatus = 500;
        latency = Duration.ZERO;
        outage = false;
        failRemaining = 0;
        rateLimitedRemaining = 0;
        hangRemaining = 0;
        hang = Duration.ZERO;
        htmlErrorBodies = false;
        random = new Random();
    }

    synchronized boolean outage() {
        return outage;
    }

    synchronized boolean htmlErrorBodies() {
        return htmlErrorBodies;
    }

    /** Consumes the one-shot switches in a fixed order: hang, then fail, then rate-limit, then random errors. */
    synchronized FaultPlan nextApiRequest() {
        Duration delay = latency;
        if (hangRemaining > 0) {
            hangRemaining--;
            delay = delay.plus(hang);
        }
        if (failRemaining > 0) {
            failRemaining--;
            return new FaultPlan(delay, failStatus, 0, htmlErrorBodies);
        }
        if (rateLimitedRemaining > 0) {
            rateLimitedRemaining--;
            return new FaultPlan(delay, 429, retryAfterSeconds, htmlErrorBodies);
        }
        if (errorRate > 0 && random.nextDouble() < errorRate) {
            return new FaultPlan(delay, errorStatus, 0, htmlErrorBodies);
        }
        return new FaultPlan(delay, 0, 0, htmlErrorBodies);
    }
}
