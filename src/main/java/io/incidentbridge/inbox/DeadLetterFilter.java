package io.incidentbridge.inbox;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Which dead letters an operator means; a null part matches anything. */
public record DeadLetterFilter(String status, String kind, String incident, String errorContains, OffsetDateTime since) {

    /** The filter an operator wrote as query parameters; blank means any, {@code since} must be RFC 3339. */
    public static DeadLetterFilter of(String status, String kind, String incident, String error, String since) {
        OffsetDateTime from;
        try {
            from = since == null || since.isBlank() ? null : OffsetDateTime.parse(since);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("since must be an RFC 3339 timestamp, e.g. 2026-11-29T10:00:00Z");
        }
        return new DeadLetterFilter(blankToNull(status), blankToNull(kind), blankToNull(incident), blankToNull(error), from);
    }

    /** A LIKE pattern for the error text, its own % and _ taken literally; null when any error matches. */
    public String errorPattern() {
        return errorContains == null ? null : "%" + errorContains.replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
