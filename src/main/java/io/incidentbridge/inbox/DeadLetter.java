package io.incidentbridge.inbox;

import java.time.OffsetDateTime;

/** A unit of work that could not succeed, with its original events and the reason. */
public record DeadLetter(long id, String source, String incidentKey, String eventTypes, String originalEvents,
                         String errorKind, String errorMessage, int attempts, OffsetDateTime firstReceivedAt,
                         OffsetDateTime createdAt, String status) {
}
