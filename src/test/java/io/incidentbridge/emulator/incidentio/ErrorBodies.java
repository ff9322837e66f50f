package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The error bodies incident.io documents (reference b.4), built in one place so every route answers alike. */
final class ErrorBodies {
    /** As in the documented 429 example: {@code "Thu, 17 Apr 2025 11:17:18 UTC"}. */
    private static final DateTimeFormatter RETRY_AFTER =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private ErrorBodies() {
    }

    static ObjectNode envelope(String type, int status, String requestId) {
        return Json.object().put("type", type).put("status", status).put("request_id", requestId);
    }

    static ObjectNode tooManyRequests(String requestId, String keyName, int limit, Instant retryAfter) {
        ObjectNode body = envelope("too_many_requests", 429, requestId);
        body.putObject("rate_limit").put("name", keyName).put("limit", limit).put("remaining", 0)
                .put("retry_after", RETRY_AFTER.format(retryAfter));
        body.putArray("errors").addObject().put("code", "too_many_requests")
                .put("message", "Too many requests. We recommend exponential backoff.");
        return body;
    }
}
