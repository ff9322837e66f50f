package io.incidentbridge.errors;

/** Worth trying again later: timeouts, connection errors, 5xx, a 401 that survived one token refresh. */
public final class TransientFailure extends SyncFailure {
    public TransientFailure(String message) {
        super(message, null);
    }

    public TransientFailure(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String kind() {
        return "transient";
    }
}
