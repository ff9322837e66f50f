package io.incidentbridge.inbox;

import io.incidentbridge.errors.RetryBackoff;
import io.incidentbridge.errors.SyncFailure;
import io.incidentbridge.errors.TransientFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The last step for a claimed incident, whatever happened: done, skipped, back to the inbox for a later
 * attempt, or into the dead-letter store. Each path releases the claim so the next events can flow.
 */
@Component
public class InboxOutcomes {
    public static final String CLAIM = "claim";
    private static final Logger LOG = LoggerFactory.getLogger(InboxOutcomes.class);

    private final InboxRepository inbox;
    private final DeadLetterRepository deadLetters;
    private final InboxClaimer claimer;
    private final RetryBackoff backoff;
    private final Clock clock;
    private final BridgeMetrics metrics;

    public InboxOutcomes(InboxRepository inbox, DeadLetterRepository deadLetters, InboxClaimer claimer,
                         RetryBackoff backoff, Clock clock, BridgeMetrics metrics) {
        this.metrics = metrics;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.claimer = claimer;
        this.backoff = backoff;
        this.clock = clock;
    }

    public void completed(@Variable(CLAIM) ClaimedIncident claim) {
        complete(claim);
    }

    public void skipped(@Variable(CLAIM) ClaimedIncident claim, @Variable("skipReason") String reason) {
        skip(claim, reason);
    }

    public void complete(ClaimedIncident claim) {
        inbox.markDone(claim.eventIds());
        claimer.release(claim);
        metrics.processed(claim.events(), "done");
    }

    public void skip(ClaimedIncident claim, String reason) {
        LOG.info("Not syncing incident {}: {}", claim.incidentKey(), reason);
        inbox.markSkipped(claim.eventIds(), reason);
        claimer.release(claim);
        metrics.processed(claim.events(), "skipped");
    }

    /** Transient trouble that outlasted the in-memory redeliveries: wait in the inbox, durably, then try again. */
    public void retryLater(Exchange exchange) {
        ClaimedIncident claim = exchange.getVariable(CLAIM, ClaimedIncident.class);
        SyncFailure failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, SyncFailure.class);
        OffsetDateTime firstReceived = claim.events().get(0).receivedAt();
        if (Duration.between(firstReceived.toInstant(), clock.instant()).compareTo(backoff.giveUpAfter()) > 0) {
            deadLetter(claim, "gave-up", "still failing after " + backoff.giveUpAfter() + ": " + failure.getMessage());
            return;
        }
        Duration delay = backoff.delay(claim.attempts(), failure);
        LOG.warn("Incident {}: {} ({} attempts); next attempt in {} ms", claim.incidentKey(), failure.getMessage(),
                claim.attempts() + 1, delay.toMillis());
        inbox.reschedule(claim.eventIds(), delay, failure.getMessage());
        claimer.release(claim);
        metrics.processed(claim.events(), "retry");
    }

    /** Cannot succeed by trying again: keep the original events and the reason for an operator. */
    public void deadLetter(Exchange exchange) {
        ClaimedIncident claim = exchange.getVariable(CLAIM, ClaimedIncident.class);
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String kind = error instanceof SyncFailure failure && !(failure instanceof TransientFailure) ? failure.label() : "unexpected";
        deadLetter(claim, kind, error.getClass().getSimpleName() + ": " + error.getMessage());
    }

    private void deadLetter(ClaimedIncident claim, String kind, String message) {
        LOG.error("Incident {} dead-lettered ({}): {}", claim.incidentKey(), kind, message);
        deadLetters.store(claim, kind, message);
        metrics.deadLetterKind(kind);
        inbox.markDead(claim.eventIds(), message);
        claimer.release(claim);
        metrics.processed(claim.events(), "dead");
    }
}
