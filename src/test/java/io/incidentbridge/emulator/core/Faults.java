package io.incidentbridge.emulator.core;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.Random;

/**
 * Trouble to inject while a test runs: slow answers, hangs that trip client timeouts, a share of errors, a full
 * outage, the next N requests failing, the next N requests rate limited, the next N connections dropped. Every
 * switch is thread-safe and applies to the next request. Each emulator decides where in its own request handling
 * it meets each kind of fault (see its handler), as the real system would meet it; the {@code take...} methods
 * consume the one-shot switches.
 */
public final class Faults {
    private Duration latency = Duration.ZERO;
    private int hangRemaining;
    private Duration hang = Duration.ZERO;
    private double errorRate;
    private int errorStatus = 500;
    private boolean outage;
    private int failRemaining;
    private int failStatus = 500;
    private int rateLimitedRemaining;
    private int retryAfterSeconds;
    private int dropRemaining;
    private boolean htmlErrorBodies;
    private Random random = new Random();

    /** Every request is held this long before it is handled. */
    public synchronized Faults latency(Duration delay) {
        this.latency = delay;
        return this;
    }

    /** Holds the next {@code count} requests for {@code delay} (on top of any latency), then handles them normally. */
    public synchronized Faults hangNext(int count, Duration delay) {
        this.hangRemaining = count;
        this.hang = delay;
        return this;
    }

    /** Answers this share (0..1) of requests, chosen at random (see {@link #seed}), with {@code status} (4xx or 5xx). */
    public synchronized Faults errorRate(double rate, int status) {
        if (rate < 0 || rate > 1 || status < 400 || status > 599) {
            throw new IllegalArgumentException("error rate must be within 0..1 and the status a 4xx or 5xx: " + rate + ", " + status);
        }
        this.errorRate = rate;
        this.errorStatus = status;
        return this;
    }

    /** Makes the random share of {@link #errorRate} repeatable. */
    public synchronized Faults seed(long seed) {
        this.random = new Random(seed);
        return this;
    }

    /** While on, every request is answered 503, like a system that is down or being upgraded. */
    public synchronized Faults outage(boolean down) {
        this.outage = down;
        return this;
    }

    /** The next {@code count} requests are answered 500. */
    public Faults failNext(int count) {
        return failNext(count, 500);
    }

    /** The next {@code count} requests are answered {@code status}. */
    public synchronized Faults failNext(int count, int status) {
        this.failRemaining = count;
        this.failStatus = status;
        return this;
    }

    /** The next {@code count} requests are answered 429, whatever the real budget says. */
    public Faults rateLimitNext(int count) {
        return rateLimitNext(count, 0);
    }

    /** The next {@code count} requests are answered 429 with {@code Retry-After: retryAfterSeconds}. */
    public synchronized Faults rateLimitNext(int count, int retryAfterSeconds) {
        this.rateLimitedRemaining = count;
        this.retryAfterSeconds = retryAfterSeconds;
        return this;
    }

    /**
     * The next {@code count} requests get no answer at all: the connection is closed once the request has been read,
     * as a load balancer or a restarting node may do. Whether the request had any effect is unknown to the client;
     * here it has none.
     */
    public synchronized Faults dropNext(int count) {
        this.dropRemaining = count;
        return this;
    }

    /**
     * Injected error statuses come with an HTML page instead of the system's JSON error body, as a proxy or a
     * hibernating instance would send (ServiceNow's emulator honours this).
     */
    public synchronized Faults htmlErrorBodies(boolean on) {
        this.htmlErrorBodies = on;
        return this;
    }

    public synchronized void reset() {
        latency = Duration.ZERO;
        hangRemaining = 0;
        hang = Duration.ZERO;
        errorRate = 0;
        errorStatus = 500;
        outage = false;
        failRemaining = 0;
        failStatus = 500;
        rateLimitedRemaining = 0;
        retryAfterSeconds = 0;
        dropRemaining = 0;
        htmlErrorBodies = false;
        random = new Random();
    }

    public synchronized boolean outage() {
        return outage;
    }

    public synchronized boolean htmlErrorBodies() {
        return htmlErrorBodies;
    }

    /** Whether to close this request's connection without an answer. */
    public synchronized boolean takeDrop() {
        if (dropRemaining > 0) {
            dropRemaining--;
            return true;
        }
        return false;
    }

    /** How long to hold this request: the latency, plus a hang if one is due. */
    public synchronized Duration takeDelay() {
        if (hangRemaining > 0) {
            hangRemaining--;
            return latency.plus(hang);
        }
        return latency;
    }

    /** The status to fail this request with, if one of the next-N failures is due. */
    public synchronized OptionalInt takeFailNext() {
        if (failRemaining > 0) {
            failRemaining--;
            return OptionalInt.of(failStatus);
        }
        return OptionalInt.empty();
    }

    /** The status to fail this request with, if the random share picks it. */
    public synchronized OptionalInt takeRandomError() {
        if (errorRate > 0 && random.nextDouble() < errorRate) {
            return OptionalInt.of(errorStatus);
        }
        return OptionalInt.empty();
    }

    /** The status to fail this request with, if a failure is due: next-N first, then the random share. */
    public synchronized OptionalInt takeFailure() {
        OptionalInt next = takeFailNext();
        return next.isPresent() ? next : takeRandomError();
    }

    /** The Retry-After seconds (0: none given) of an injected 429, if one of the next-N is due. */
    public synchronized OptionalInt takeRateLimit() {
        if (rateLimitedRemaining > 0) {
            rateLimitedRemaining--;
            return OptionalInt.of(retryAfterSeconds);
        }
        return OptionalInt.empty();
    }
}
