package io.incidentbridge.emulator.servicenow;

import java.time.Instant;
import java.util.Map;

/**
 * One request as the emulator saw it. {@code method} is the effective method (after X-HTTP-Method-Override),
 * {@code query} the decoded parameters, {@code headers} lower-cased names with their first value, and
 * {@code status} what the emulator answered (0 while a hung request is still being held).
 */
public record RecordedRequest(Instant at, String method, String path, Map<String, String> query,
                              Map<String, String> headers, String body, int status) {
}
