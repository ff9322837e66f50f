package io.incidentbridge.errors;

/** Worth trying again later: timeouts, connection errors, 5xx, a 401 that survived one token refresh. */
public final class TransientFailure extends SyncFailure {
    private final boolean loginRefused;
    private final FailureKind kind;

    public TransientFailure(String message) {
        this(message, null, false, FailureKind.TRANSIENT);
    }

    private TransientFailure(String message, Throwable cause, boolean loginRefused, FailureKind kind) {
        super(message, cause);
        this.loginRefused = loginRefused;
        this.kind = kind;
    }

    /** The far side refused the credentials (401): worth one new token and one replay. */
    public static TransientFailure unauthorised(String message) {
        return new TransientFailure(message, null, false, FailureKind.UNAUTHORISED);
    }

    /** ServiceNow refused the OAuth login itself: wrong credentials, or a locked user (it says no more than that). */
    public static TransientFailure loginRefused(String message) {
        return new TransientFailure(message, null, true, FailureKind.TRANSIENT);
    }

    public boolean loginRefused() {
        return loginRefused;
    }

    public TransientFailure(String message, Throwable cause) {
        this(message, cause, false, FailureKind.TRANSIENT);
    }

    @Override
    public FailureKind kind() {
        return kind;
    }
}
