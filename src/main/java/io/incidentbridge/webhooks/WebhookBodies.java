package io.incidentbridge.webhooks;

import io.incidentbridge.config.BridgeProperties;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** Takes the raw request bytes, exactly as sent (signatures are over them), refusing an oversized body with 413. */
@Component
public class WebhookBodies {
    private final int maxBytes;

    public WebhookBodies(BridgeProperties properties) {
        this.maxBytes = properties.webhooks().maxBodyBytes();
    }

    public byte[] limit(Exchange exchange) {
        Long declared = exchange.getMessage().getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > maxBytes) {
            throw tooLarge();
        }
        byte[] body = exchange.getMessage().getBody(byte[].class);
        if (body == null || body.length == 0) {
            throw new WebhookRejected(400, "the body is empty");
        }
        if (body.length > maxBytes) {
            throw tooLarge();
        }
        return body;
    }

    private WebhookRejected tooLarge() {
        return new WebhookRejected(413, "the body is larger than " + maxBytes + " bytes (bridge.webhooks.max-body-bytes)");
    }
}
