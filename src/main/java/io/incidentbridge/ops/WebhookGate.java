package io.incidentbridge.ops;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Whether the webhooks are served. The HTTP server answers before Camel has started its routes, and goes on
 * answering while they stop; in both windows a webhook would get 404, which a sender may take as final. The gate
 * opens once Camel has started the webhook routes and closes the moment shutdown begins (before any other listener
 * or lifecycle step runs), and {@link WebhookGateFilter} answers 503 with Retry-After while it is closed.
 */
@Component
public class WebhookGate implements CamelContextConfiguration, ApplicationListener<ContextClosedEvent>, Ordered {
    /** The routes behind /webhooks/**. */
    public static final List<String> WEBHOOK_ROUTES = List.of("incident-io-webhook-receive", "servicenow-callback-receive");
    private static final Logger LOG = LoggerFactory.getLogger(WebhookGate.class);
    private volatile boolean open;

    public boolean isOpen() {
        return open;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // Nothing to do before the routes start: the gate stays closed.
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        for (String routeId : WEBHOOK_ROUTES) {
            ServiceStatus status = camelContext.getRouteController().getRouteStatus(routeId);
            if (status == null || !status.isStarted()) {
                LOG.error("Webhooks stay closed (503): the route {} did not start ({})", routeId, status);
                return;
            }
        }
        open = true;
        LOG.info("Webhooks open: {} started", WEBHOOK_ROUTES);
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (open) {
            open = false;
            LOG.info("Stopping: webhooks answer 503 from now on");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
