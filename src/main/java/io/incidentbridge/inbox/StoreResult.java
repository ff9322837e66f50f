package io.incidentbridge.inbox;

/** What the inbox did with an inbound event; the webhook answer says it back to the sender. */
public enum StoreResult {
    STORED, DUPLICATE, IGNORED
}
