package io.incidentbridge.emulator.servicenow;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The callback business rule a customer installs (servicenow/incident-bridge-callback.business-rule.js), off until
 * a test installs it. After every update (and insert, if chosen) of an {@code incident} or {@code task} record whose
 * correlation_display is {@code incident.io}, whoever wrote it, the integration user included, it posts the
 * script's payload to the target. Like an async business rule it runs after the write has returned, one job at a
 * time in the order of the writes; {@code current} is the record as that write left it, and the journal entries
 * are read when the job runs, as the script's GlideRecord query does.
 */
public final class CallbackRule {

    /** The script's condition: {@code current.getValue('correlation_display') != 'incident.io'} returns early. */
    static final String CORRELATION_DISPLAY = "incident.io";
    private static final Set<String> TABLES = Set.of("incident", "task");

    private final JournalRecorder journal;
    private final Schemas schemas;
    private final CallbackPost post;
    private final ExecutorService jobs = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "servicenow-emulator-callbacks");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger pending = new AtomicInteger();
    private final List<CallbackDelivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile CallbackTarget target;

    CallbackRule(JournalRecorder journal, Schemas schemas, Clock clock) {
        this.journal = journal;
        this.schemas = schemas;
        this.post = new CallbackPost(clock);
    }

    /** Activates the rule (or points it elsewhere); writes from now on fire it. */
    public void install(CallbackTarget newTarget) {
        this.target = newTarget;
    }

    /** Deactivates the rule. Jobs already queued still run, as scheduled async rules do. */
    public void remove() {
        this.target = null;
    }

    public Optional<CallbackTarget> target() {
        return Optional.ofNullable(target);
    }

    /** Every callback sent so far, in the order sent. */
    public List<CallbackDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public List<CallbackDelivery> deliveriesFor(String sysId) {
        return deliveries.stream().filter(d -> d.sysId().equals(sysId)).toList();
    }

    /** No callback is waiting to be sent or waiting for its answer. */
    public boolean idle() {
        return pending.get() == 0;
    }

    public void clearDeliveries() {
        deliveries.clear();
    }

    /** Called by the record writer once a write is stored, still under the store's lock. */
    void afterWrite(StoredRow current, boolean inserted) {
        CallbackTarget firing = target;
        if (firing == null || inserted && !firing.onInsert() || !TABLES.contains(current.table())
                || !CORRELATION_DISPLAY.equals(current.values().get("correlation_display"))) {
            return;
        }
        pending.incrementAndGet();
        jobs.execute(() -> {
            try {
                String body = CallbackPayload.body(current, schemas.get(current.table()), journal.entries(current.sysId()));
                deliveries.add(post.send(firing, current, body));
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    void close() {
        jobs.shutdownNow();
    }
}
