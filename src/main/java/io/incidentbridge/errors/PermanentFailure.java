package io.incidentbridge.errors;

/** Trying again cannot help (400, 403, 404, 422, a mapping that fails): straight to the dead-letter store. */
public final class PermanentFailure extends SyncFailure {
    private final String kind;

    public PermanentFailure(String kind, String message) {
        this(kind, message, null);
    }

    public PermanentFailure(String kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    @Override
    public String kind() {
        return kind;
    }
}
