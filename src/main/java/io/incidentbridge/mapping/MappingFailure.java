package io.incidentbridge.mapping;

/** A template that cannot be loaded or produces an unusable result. Says which file and why. */
public class MappingFailure extends RuntimeException {
    public MappingFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public MappingFailure(String message) {
        super(message);
    }
}
