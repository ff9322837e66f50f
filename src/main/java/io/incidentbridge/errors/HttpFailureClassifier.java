package io.incidentbridge.errors;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
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
        if (status >= 500 || status == 408 || status == 401) {
            return new TransientFailure(message);
        }
        return new PermanentFailure("http-" + status, message);
    }

    public static TransientFailure fromIo(String system, String call, IOException error) {
        String what = error instanceof HttpTimeoutException ? "timed out" : "failed: " + error.getClass().getSimpleName();
        return new TransientFailure(system + " call " + call + " " + what, error);
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
