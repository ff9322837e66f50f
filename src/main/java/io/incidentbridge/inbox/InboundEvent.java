package io.incidentbridge.inbox;

/** A verified event, ready to be stored: where it came from, its delivery id, and whose incident it concerns. */
public record InboundEvent(String source, String deliveryId, String eventType, String incidentKey, String payload) {
}
