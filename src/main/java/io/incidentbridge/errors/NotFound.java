package io.incidentbridge.errors;

/** The admin API was asked about something that does not exist: answered 404. */
public class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message, null, false, false);
    }
}
