package io.incidentbridge.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The webhook routes' last step before answering: store the event durably, once. */
@Component
public class InboxStore {
    private final InboxRepository inbox;
    private final MeterRegistry meters;

    public InboxStore(InboxRepository inbox, MeterRegistry meters) {
        this.inbox = inbox;
        this.meters = meters;
    }

    public StoreResult store(Optional<InboundEvent> event) {
        if (event.isEmpty()) {
            meters.counter("bridge.events.received", "type", "ignored", "result", "ignored").increment();
            return StoreResult.IGNORED;
        }
        StoreResult result = inbox.store(event.get());
        meters.counter("bridge.events.received", "type", event.get().eventType(),
                "result", result.name().toLowerCase()).increment();
        return result;
    }
}
