package io.incidentbridge.errors;

/** Worth trying again later: timeouts, connection errors, 5xx, a 401 that survived one token refresh. */
public final class TransientFailure extends SyncFailure {
    private final boolean loginRefused;

    public TransientFailure(String message) {
        this(message, null, false);
    }

    private TransientFailure(String message, Throwable cause, boolean loginRefused) {
        super(message, cause);
        this.loginRefused = loginRefused;
    }

    /** ServiceNow refused the OAuth login itself: wrong credentials, or a locked user (it says no more than that). */
    public static TransientFailure loginRefused(String message) {
        return new TransientFailure(message, null, true);
    }

    public boolean loginRefused() {
        return loginRefused;
    }

    public TransientFailure(String message, Throwable cause) {
        this(message, cause, false);
    }

    @Override
    public String kind() {
        return "transient";
    }
}
