package io.incidentbridge.mapping;

/**
 * A template that cannot be loaded or produces an unusable result. Says which file and why, and, when the parser
 * knows it, the line and column (1-based) of the error.
 */
public class MappingFailure extends RuntimeException {
    private final String file;
    private final Integer line;
    private final Integer column;

    public MappingFailure(String message, Throwable cause) {
        this(message, cause, null, null, null);
    }

    public MappingFailure(String message) {
        this(message, null, null, null, null);
    }

    public MappingFailure(String message, Throwable cause, String file, Integer line, Integer column) {
        super(message, cause);
        this.file = file;
        this.line = line != null && line > 0 ? line : null;
        this.column = column != null && column > 0 ? column : null;
    }

    /** The mapping file (its name under mappings/) the failure is about, when known. */
    public String file() {
        return file;
    }

    public Integer line() {
        return line;
    }

    public Integer column() {
        return column;
    }
}
