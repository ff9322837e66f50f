package io.incidentbridge.errors;

/**
 * The one family of failures the error policy knows. Each subtype says what to do next;
 * routes never look at status codes themselves.
 */
public abstract sealed class SyncFailure extends RuntimeException
        permits TransientFailure, RateLimitedFailure, PermanentFailure {

    protected SyncFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract FailureKind kind();

    /** A short, stable word for metrics and the dead-letter table. */
    public String label() {
        return kind().label();
    }
}
