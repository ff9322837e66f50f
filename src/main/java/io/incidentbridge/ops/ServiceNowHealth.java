package io.incidentbridge.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The connection check as a health indicator ("servicenow" in /actuator/health), run at startup and at most once a
 * minute after that, so health polling never hammers the instance. Not part of readiness: events are still accepted
 * and kept while ServiceNow is unreachable.
 */
@Component("servicenow")
public class ServiceNowHealth implements HealthIndicator {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceNowHealth.class);
    private static final Duration REFRESH = Duration.ofMinutes(1);

    private final ConnectionCheck check;
    private final Clock clock;
    private volatile ConnectionCheck.Report last;
    private volatile Instant checkedAt = Instant.EPOCH;

    public ServiceNowHealth(ConnectionCheck check, Clock clock) {
        this.check = check;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void checkAtStartup() {
        ConnectionCheck.Report report = refresh();
        report.checks().stream().filter(c -> !c.status().equals("ok"))
                .forEach(c -> LOG.warn("ServiceNow connection check {}: {} - {}", c.name(), c.status(), c.message()));
        if (report.ok()) {
            LOG.info("ServiceNow connection check passed for {}", report.instance());
        }
    }

    @Override
    public Health health() {
        ConnectionCheck.Report report = Duration.between(checkedAt, clock.instant()).compareTo(REFRESH) > 0 ? refresh() : last;
        Health.Builder health = report.ok() ? Health.up() : Health.down();
        report.checks().forEach(c -> health.withDetail(c.name(), c.status() + ": " + c.message()));
        return health.build();
    }

    public synchronized ConnectionCheck.Report refresh() {
        try {
            last = check.run();
        } catch (RuntimeException e) {
            last = new ConnectionCheck.Report(false, "", java.util.List.of(new ConnectionCheck.Check("reach", "error",
                    "the check itself failed: " + e.getMessage())), clock.instant().toString());
        }
        checkedAt = clock.instant();
        return last;
    }
}
