package io.incidentbridge.inbox;

import java.time.OffsetDateTime;

/** An inbox row as the processing side sees it. */
public record StoredEvent(long id, String source, String deliveryId, String eventType, String incidentKey,
                          String payload, int attempts, OffsetDateTime receivedAt) {
}
