package io.incidentbridge.inbox;

import io.incidentbridge.inbox.DeadLetterRepository;
import io.incidentbridge.inbox.InboxRepository;
import io.incidentbridge.inbox.StoredEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The bridge's own metrics (Prometheus at /actuator/prometheus): events processed by type and outcome, the
 * end-to-end sync latency from receipt to done, inbox backlog and oldest age, and open dead letters. Calls to
 * ServiceNow and token requests are counted where they happen.
 */
@Component
public class BridgeMetrics {
    private final MeterRegistry meters;
    private final Clock clock;
    private final Timer latency;

    public BridgeMetrics(MeterRegistry meters, Clock clock, InboxRepository inbox, DeadLetterRepository deadLetters) {
        this.meters = meters;
        this.clock = clock;
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
