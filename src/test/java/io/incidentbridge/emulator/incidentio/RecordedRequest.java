package io.incidentbridge.emulator.incidentio;

import java.time.Instant;
import java.util.Map;

/**
 * One request as the emulator received it and the status it answered. Header names are lower case;
 * a query parameter given several times is joined with commas.
 */
public record RecordedRequest(Instant at, String method, String path, Map<String, String> query,
                              Map<String, String> headers, String body, int status) {
}
