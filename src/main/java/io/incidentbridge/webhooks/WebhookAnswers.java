package io.incidentbridge.webhooks;

import io.incidentbridge.inbox.StoreResult;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, AtomicLong> lastAccepted = new ConcurrentHashMap<>();

    public WebhookAnswers(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
        for (String source : List.of("incident-io", "servicenow")) {
            AtomicLong last = lastAccepted.computeIfAbsent(source, s -> new AtomicLong(clock.instant().getEpochSecond()));
            Gauge.builder("bridge.webhooks.last.accepted", last, AtomicLong::get)
                    .description("When this replica last accepted a webhook from the sender (or started, if it has not), in Unix time")
                    .baseUnit("seconds").tag("source", source).register(meters);
        }
    }

    public void accepted(Exchange exchange) {
        StoreResult result = exchange.getMessage().getBody(StoreResult.class);
        AtomicLong last = lastAccepted.get(source(exchange.getFromRouteId()));
        if (last != null) {
            last.set(clock.instant().getEpochSecond());
        }
        answer(exchange, 202, "{\"status\":\"" + result.name().toLowerCase() + "\"}");
    }

    public void rejected(Exchange exchange) {
        WebhookRejected rejection = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, WebhookRejected.class);
        LOG.info("Webhook refused with {}: {}", rejection.status(), rejection.getMessage());
        refused(exchange, rejection.status());
        answer(exchange, rejection.status(), "{\"error\":" + quote(rejection.getMessage()) + "}");
    }

    /** The event could not be stored (database down): a 503 makes the sender deliver it again later. */
    public void unavailable(Exchange exchange) {
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.error("Webhook could not be stored; answering 503 so it is delivered again", error);
        refused(exchange, 503);
        answer(exchange, 503, "{\"error\":\"the bridge cannot store events right now; deliver again later\"}");
    }

    /** Counts a webhook that did not reach the inbox, by sender and the status it was answered with. */
    private void refused(Exchange exchange, int status) {
        meters.counter("bridge.webhooks.refused", "source", source(exchange.getFromRouteId()), "status", String.valueOf(status))
                .increment();
    }

    static String source(String routeId) {
        if (routeId == null) {
            return "unknown";
        }
        return routeId.startsWith("servicenow") ? "servicenow" : routeId.startsWith("incident-io") ? "incident-io" : "unknown";
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
