package io.incidentbridge.ops;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** "webhooks" in /actuator/health, part of readiness: out of service until the webhook routes run, and while stopping. */
@Component("webhooks")
public class WebhookGateHealth implements HealthIndicator {
    private final WebhookGate gate;

    public WebhookGateHealth(WebhookGate gate) {
        this.gate = gate;
    }

    @Override
    public Health health() {
        return (gate.isOpen() ? Health.up() : Health.outOfService()).withDetail("routes", WebhookGate.WEBHOOK_ROUTES).build();
    }
}
