package io.incidentbridge.incidentio;

import io.incidentbridge.webhooks.WebhookRejected;
import io.incidentbridge.inbox.InboundEvent;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** The route's view of {@link IncidentIoEventParser}: the delivery id comes from the webhook-id header. */
@Component
public class IncidentIoEvents {
    private static final int MAX_DELIVERY_ID = 200;
    private final IncidentIoEventParser parser;

    public IncidentIoEvents(IncidentIoEventParser parser) {
        this.parser = parser;
    }

    public Optional<InboundEvent> parse(@Header("webhook-id") String deliveryId, @Body byte[] body) {
        if (deliveryId.length() > MAX_DELIVERY_ID) {
            throw new WebhookRejected(400, "webhook-id is longer than " + MAX_DELIVERY_ID + " characters");
        }
        return parser.parse(deliveryId, body);
    }
}
