package io.incidentbridge.inbox;

import io.incidentbridge.config.BridgeProperties;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands incidents with ready events to the sync workers. It never claims more incidents than there are
 * free workers, so a claimed incident starts at once and its lease cannot run out while it waits in a queue.
 */
@Component
public class InboxClaimer {
    private static final Logger LOG = LoggerFactory.getLogger(InboxClaimer.class);
    private final InboxRepository inbox;
    private final BridgeProperties.Inbox settings;
    private final Semaphore workers;
    private final String owner;

    public InboxClaimer(InboxRepository inbox, BridgeProperties properties) {
        this.inbox = inbox;
        this.settings = properties.inbox();
        this.workers = new Semaphore(properties.sync().concurrency());
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** For the greedy scheduler: when something was claimed it polls again at once, else it waits its delay. */
    public List<ClaimedIncident> claimReady(Exchange exchange) {
        List<ClaimedIncident> claimed = claimReady();
        exchange.setProperty(Exchange.SCHEDULER_POLLED_MESSAGES, !claimed.isEmpty());
        return claimed;
    }

    public List<ClaimedIncident> claimReady() {
        int free = workers.availablePermits();
        if (free == 0) {
            return List.of();
        }
        List<ClaimedIncident> claimed = new ArrayList<>();
        for (String incidentKey : inbox.readyIncidents(settings.quietPeriod(), settings.maxHold(), free)) {
            if (!workers.tryAcquire()) {
                break;
            }
            if (!inbox.claim(incidentKey, owner, settings.claimLease())) {
                workers.release();
                continue;
            }
            List<StoredEvent> events = inbox.pendingEvents(incidentKey, settings.maxEventsPerClaim());
            if (events.isEmpty()) {
                release(incidentKey);
                continue;
            }
            claimed.add(new ClaimedIncident(incidentKey, events));
        }
        return claimed;
    }

    /**
     * Claims one incident now, for an operator's "sync now": waits for a free worker and for any sync of the same
     * incident in progress to finish, at most {@code patience}.
     */
    public java.util.Optional<ClaimedIncident> claimNow(String incidentKey, java.time.Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        if (!workers.tryAcquire(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            return java.util.Optional.empty();
        }
        while (!inbox.claim(incidentKey, owner, settings.claimLease())) {
            if (System.nanoTime() > deadline) {
                workers.release();
                return java.util.Optional.empty();
            }
            Thread.sleep(50);
        }
        List<StoredEvent> events = inbox.pendingEvents(incidentKey, settings.maxEventsPerClaim());
        if (events.isEmpty()) {
            release(incidentKey);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ClaimedIncident(incidentKey, events));
    }

    /** Called when a claimed incident has been dealt with, whatever the outcome. */
    public void release(ClaimedIncident work) {
        release(work.incidentKey());
    }

    private void release(String incidentKey) {
        inbox.release(incidentKey, owner);
        workers.release();
    }

    /** Called well within the lease: extends every claim this replica holds. */
    /** At shutdown, once the workers have stopped: what they did not get to is free for the next replica at once. */
    public int releaseAll() {
        return inbox.releaseAll(owner);
    }

    public void renewLeases() {
        inbox.renew(owner, settings.claimLease());
    }

    public String owner() {
        return owner;
    }
}
