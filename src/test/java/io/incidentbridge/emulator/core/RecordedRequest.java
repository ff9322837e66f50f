package io.incidentbridge.emulator.core;

import java.time.Instant;
import java.util.Map;

/**
 * One request as an emulator received it and the status it answered (0 while the answer is still pending, as for
 * a request held by an injected hang). Header names are lower case; {@code method} is the effective method (for
 * ServiceNow after X-HTTP-Method-Override); how repeated query parameters and headers are folded into one value is
 * each emulator's own (see its request handler).
 */
public record RecordedRequest(Instant at, String method, String path, Map<String, String> query,
                              Map<String, String> headers, String body, int status) {

    RecordedRequest withStatus(int answered) {
        return new RecordedRequest(at, method, path, query, headers, body, answered);
    }
}
