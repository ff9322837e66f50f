package io.incidentbridge.webhooks;

import io.incidentbridge.inbox.StoreResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a webhook sender is told. Request headers are removed first: platform-http would otherwise echo
 * them (signatures included) as response headers.
 */
@Component
public class WebhookAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookAnswers.class);

    public void accepted(Exchange exchange) {
        StoreResult result = exchange.getMessage().getBody(StoreResult.class);
        answer(exchange, 202, "{\"status\":\"" + result.name().toLowerCase() + "\"}");
    }

    public void rejected(Exchange exchange) {
        WebhookRejected rejection = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, WebhookRejected.class);
        LOG.info("Webhook refused with {}: {}", rejection.status(), rejection.getMessage());
        answer(exchange, rejection.status(), "{\"error\":" + quote(rejection.getMessage()) + "}");
    }

    /** The event could not be stored (database down): a 503 makes the sender deliver it again later. */
    public void unavailable(Exchange exchange) {
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.error("Webhook could not be stored; answering 503 so it is delivered again", error);
        answer(exchange, 503, "{\"error\":\"the bridge cannot store events right now; deliver again later\"}");
    }

    private static void answer(Exchange exchange, int status, String body) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(body);
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
