package io.incidentbridge.ops;

import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.inbox.DeadLetterRepository;
import io.incidentbridge.inbox.InboxRepository;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Inbox backlog and open dead letters ("inbox" in /actuator/health, part of readiness): down past the set limits. */
@Component("inbox")
public class InboxHealth implements HealthIndicator {
    private final InboxRepository inbox;
    private final DeadLetterRepository deadLetters;
    private final BridgeProperties.Health limits;

    public InboxHealth(InboxRepository inbox, DeadLetterRepository deadLetters, BridgeProperties properties) {
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.limits = properties.health();
    }

    @Override
    public Health health() {
        long backlog = inbox.backlog();
        long oldest = inbox.oldestPendingAgeSeconds();
        long dead = deadLetters.countOpen();
        Health.Builder health = backlog > limits.maxBacklog() || dead > limits.maxOpenDeadLetters() ? Health.down() : Health.up();
        return health.withDetail("backlog", backlog).withDetail("oldestPendingSeconds", oldest)
                .withDetail("openDeadLetters", dead).withDetail("maxBacklog", limits.maxBacklog())
                .withDetail("maxOpenDeadLetters", limits.maxOpenDeadLetters()).build();
    }
}
