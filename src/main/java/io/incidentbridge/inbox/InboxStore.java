package io.incidentbridge.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhook routes' last step before answering: store the event durably, once. Events of webhooks that arrive
 * together share one transaction and one commit ({@link GroupCommit}); each webhook is answered only after the
 * commit that holds its event.
 */
@Component
public class InboxStore implements DisposableBean {
    /** Enough for every webhook request the server can have in flight at once to share one commit. */
    static final int MAX_BATCH = 256;

    private final MeterRegistry meters;
    private final GroupCommit<InboundEvent, StoreResult> commits;

    public InboxStore(InboxRepository inbox, TransactionTemplate transaction, MeterRegistry meters) {
        this.meters = meters;
        this.commits = new GroupCommit<>("inbox-group-commit", MAX_BATCH,
                batch -> transaction.execute(status -> batch.stream().map(inbox::store).toList()));
    }

    public StoreResult store(Optional<InboundEvent> event) {
        if (event.isEmpty()) {
            meters.counter("bridge.events.received", "type", "ignored", "result", "ignored").increment();
            return StoreResult.IGNORED;
        }
        StoreResult result = commits.write(event.get());
        meters.counter("bridge.events.received", "type", event.get().eventType(),
                "result", result.name().toLowerCase()).increment();
        return result;
    }

    /** After the web server has drained and Camel has stopped, and before the connection pool closes. */
    @Override
    public void destroy() throws InterruptedException {
        commits.close();
    }
}
