package io.incidentbridge.inbox;

import java.time.OffsetDateTime;

/** Which dead letters an operator means; a null part matches anything. */
public record DeadLetterFilter(String status, String kind, String incident, String errorContains, OffsetDateTime since) {
}
