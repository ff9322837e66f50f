package io.incidentbridge.config;

/**
 * A credential read from the environment. It cannot be printed: {@code toString()} masks it,
 * so a log line, an error message or a configprops dump never shows the value.
 */
public final class Secret {
    private static final Secret EMPTY = new Secret("");
    private final String value;

    private Secret(String value) {
        this.value = value == null ? "" : value;
    }

    public static Secret of(String value) {
        return value == null || value.isEmpty() ? EMPTY : new Secret(value);
    }

    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "<empty>" : "******";
    }
}
