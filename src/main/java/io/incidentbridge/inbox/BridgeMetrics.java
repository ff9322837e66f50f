package io.incidentbridge.inbox;

import io.incidentbridge.inbox.DeadLetterRepository;
import io.incidentbridge.inbox.InboxRepository;
import io.incidentbridge.inbox.StoredEvent;
import io.incidentbridge.reconcile.ReconciliationRuns;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bridge's own metrics (Prometheus at /actuator/prometheus): events processed by type and outcome, the
 * end-to-end sync latency from receipt to done, inbox backlog and oldest age, open dead letters, when reconciliation
 * last succeeded and how many replicas the cluster counts. Calls to ServiceNow and incident.io, token requests, refused
 * webhooks and reconciliation runs are counted where they happen. The Grafana dashboard and the alert rules under
 * deploy/ use these names; OperatorKitApplicationTest keeps them in step.
 */
@Component
public class BridgeMetrics {
    private final MeterRegistry meters;
    private final Clock clock;
    private final Timer latency;
    private final DeadLetterRepository deadLetters;

    public BridgeMetrics(MeterRegistry meters, Clock clock, InboxRepository inbox, DeadLetterRepository deadLetters,
                         ReconciliationRuns reconciliations, JdbcTemplate jdbc) {
        this.meters = meters;
        this.clock = clock;
        this.deadLetters = deadLetters;
        this.latency = Timer.builder("bridge.sync.latency")
                .description("From webhook receipt to the event's sync being done")
                .publishPercentileHistogram()
                .register(meters);
        Gauge.builder("bridge.inbox.backlog", inbox, InboxRepository::backlog)
                .description("Events waiting in the inbox").register(meters);
        Gauge.builder("bridge.inbox.oldest.age", inbox, InboxRepository::oldestPendingAgeSeconds)
                .description("Age of the oldest waiting event").baseUnit("seconds").register(meters);
        Gauge.builder("bridge.dead.letters.open", deadLetters, DeadLetterRepository::countOpen)
                .description("Dead letters neither replayed nor discarded").register(meters);
        Gauge.builder("bridge.reconciliation.last.success", reconciliations, ReconciliationRuns::lastSuccessfulFinishEpochSeconds)
                .description("When the last successful (not dry-run) reconciliation finished, in Unix time; 0 before the first")
                .baseUnit("seconds").register(meters);
        Gauge.builder("bridge.replicas.live", jdbc, BridgeMetrics::liveReplicas)
                .description("Replicas that checked in to the shared Quartz cluster in the last 30 seconds").register(meters);
    }

    /** Shows the open dead letters of every kind there has been, once the database is migrated. */
    @EventListener(ApplicationReadyEvent.class)
    public void showDeadLetterKinds() {
        deadLetters.errorKinds().forEach(this::deadLetterKind);
    }

    /** Called when a dead letter of this kind is stored: its open count is a gauge from then on (registered once). */
    public void deadLetterKind(String kind) {
        Gauge.builder("bridge.dead.letters.open.by.kind", deadLetters, repository -> repository.countOpen(kind))
                .description("Open dead letters by error kind (http-403, mapping, unexpected, ...)")
                .tag("kind", kind).register(meters);
    }

    /** Replicas whose Quartz scheduler checked in recently (every 5 s; one missing for 30 s is taken to be dead). */
    private static double liveReplicas(JdbcTemplate jdbc) {
        Long live = jdbc.queryForObject("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE WHERE LAST_CHECKIN_TIME > ?", Long.class,
                System.currentTimeMillis() - 30_000);
        return live == null ? 0 : live;
    }

    /** Called once per event when its processing ends: done, skipped, retry or dead. */
    public void processed(List<StoredEvent> events, String outcome) {
        for (StoredEvent event : events) {
            meters.counter("bridge.events.processed", "type", event.eventType(), "outcome", outcome).increment();
            if (outcome.equals("done")) {
                latency.record(Duration.between(event.receivedAt().toInstant(), clock.instant()));
            }
        }
    }
}
