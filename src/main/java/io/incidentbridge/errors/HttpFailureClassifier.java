package io.incidentbridge.errors;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Sorts an outbound HTTP answer or I/O error into the failure types. The only place that reads status codes. */
public final class HttpFailureClassifier {
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private HttpFailureClassifier() {
    }

    public static SyncFailure fromStatus(String system, String call, int status, String reason,
                                         Optional<String> retryAfterHeader, Clock clock) {
        String message = system + " answered " + status + " to " + call + ": " + reason;
        if (status == 429) {
            return new RateLimitedFailure(message, retryAfterHeader.map(h -> parseRetryAfter(h, clock)).orElse(DEFAULT_RETRY_AFTER));
        }
        if (status == 401) {
            return TransientFailure.unauthorised(message);
        }
        if (status >= 500 || status == 408) {
            return new TransientFailure(message);
        }
        return PermanentFailure.refused(status, message);
    }

    public static TransientFailure fromIo(String system, String call, IOException error) {
        String what = error instanceof InterruptedIOException ? "timed out" : "failed: " + error.getClass().getSimpleName();
        return new TransientFailure(system + " call " + call + " " + what, error);
    }

    /**
     * What a call through an http endpoint failed with, as a failure type: the failure itself if it is one
     * already, a transient failure for an I/O error (timeouts, refused or reset connections) or anything else.
     */
    public static SyncFailure fromCall(String system, String call, Throwable error) {
        if (error instanceof SyncFailure failure) {
            return failure;
        }
        if (error instanceof IOException io) {
            return fromIo(system, call, io);
        }
        return new TransientFailure(system + " call " + call + " failed: " + error.getClass().getSimpleName(), error);
    }

    /** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
    static Duration parseRetryAfter(String value, Clock clock) {
        String trimmed = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed)));
        } catch (NumberFormatException notSeconds) {
            try {
                // incident.io writes the zone as "UTC", which RFC 1123 parsing knows as "GMT".
                Instant at = ZonedDateTime.parse(trimmed.replaceFirst(" UTC$", " GMT"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return DEFAULT_RETRY_AFTER;
            }
        }
    }
}
