package io.incidentbridge.webhooks;

/** A webhook that is answered with a 4xx and never reaches the inbox. The reason is safe to show the sender. */
public final class WebhookRejected extends RuntimeException {
    private final int status;

    public WebhookRejected(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
