package io.incidentbridge.errors;

/**
 * Why a sync failed, as a type. The label is what metrics and the dead-letter table show
 * ({@code http-404} for a refused call keeps its status in the label).
 */
public enum FailureKind {
    /** Worth trying again: timeouts, connection errors, 5xx, 408. */
    TRANSIENT("transient"),
    /** ServiceNow refused the credentials (401): refresh or log in again once, then it is transient. */
    UNAUTHORISED("unauthorised"),
    /** 429: wait for Retry-After. */
    RATE_LIMITED("rate-limited"),
    /** The far side has no such thing (404). */
    NOT_FOUND("http-404"),
    /** The far side refused the request for good (400, 403, 409, 422, ...); the label carries the status. */
    REFUSED("http"),
    /** A mapping template or a value table cannot turn the incident into fields. */
    MAPPING("mapping"),
    /** A stored event that cannot be read. */
    BAD_EVENT("bad-event"),
    /** The linked ServiceNow record was deleted. */
    RECORD_DELETED("record-deleted"),
    /** incident.io refuses the status transition. */
    TRANSITION_REFUSED("transition-refused");

    private final String label;

    FailureKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
