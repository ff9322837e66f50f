package io.incidentbridge.incidentio;

import io.incidentbridge.config.BridgeProperties;
import java.time.Clock;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The route's view of {@link StandardWebhookVerifier}, with incident.io's header names. */
@Component
public class IncidentIoSignatures {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentIoSignatures.class);
    private final StandardWebhookVerifier verifier;

    public IncidentIoSignatures(BridgeProperties properties, Clock clock) {
        this.verifier = new StandardWebhookVerifier(properties.webhooks().incidentIoSecret(),
                properties.webhooks().timestampTolerance(), clock);
        if (!verifier.configured()) {
            LOG.warn("INCIDENTIO_WEBHOOK_SECRET is not set: every incident.io webhook will be refused with 401");
        }
    }

    public void verify(@Header("webhook-id") String id, @Header("webhook-timestamp") String timestamp,
                       @Header("webhook-signature") String signature, @Body byte[] body) {
        verifier.verify(id, timestamp, signature, body);
    }
}
