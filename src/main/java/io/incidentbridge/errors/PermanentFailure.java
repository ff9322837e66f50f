package io.incidentbridge.errors;

/** Trying again cannot help (400, 403, 404, 422, a mapping that fails): straight to the dead-letter store. */
public final class PermanentFailure extends SyncFailure {
    private final FailureKind kind;
    private final int httpStatus;

    public PermanentFailure(FailureKind kind, String message) {
        this(kind, message, null);
    }

    public PermanentFailure(FailureKind kind, String message, Throwable cause) {
        this(kind, 0, message, cause);
    }

    private PermanentFailure(FailureKind kind, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
    }

    /** The far side answered {@code status} (a 4xx other than 401, 408 and 429). */
    public static PermanentFailure refused(int status, String message) {
        return new PermanentFailure(status == 404 ? FailureKind.NOT_FOUND : FailureKind.REFUSED, status, message, null);
    }

    @Override
    public FailureKind kind() {
        return kind;
    }

    public boolean notFound() {
        return kind == FailureKind.NOT_FOUND;
    }

    /** The HTTP status the far side answered, or 0 when the failure is not an HTTP answer. */
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public String label() {
        return kind == FailureKind.REFUSED ? "http-" + httpStatus : kind.label();
    }
}
