package io.incidentbridge.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts a dead letter's original events back into the inbox, so they go through the normal sync again.
 * Safe to repeat: a dead letter is replayed once; the replayed events have their own delivery ids.
 */
@Component
public class DeadLetterReplay {
    private final DeadLetterRepository deadLetters;
    private final InboxRepository inbox;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;

    public DeadLetterReplay(DeadLetterRepository deadLetters, InboxRepository inbox, ObjectMapper json,
                            TransactionTemplate transaction) {
        this.deadLetters = deadLetters;
        this.inbox = inbox;
        this.json = json;
        this.transaction = transaction;
    }

    /** True if the dead letter was open and is now back in the inbox. */
    public boolean replay(long deadLetterId) {
        Boolean replayed = transaction.execute(status -> deadLetters.find(deadLetterId)
                .filter(letter -> DeadLetterRepository.OPEN.equals(letter.status()))
                .map(this::requeue)
                .orElse(false));
        return Boolean.TRUE.equals(replayed);
    }

    private boolean requeue(DeadLetter letter) {
        if (!deadLetters.resolve(letter.id(), DeadLetterRepository.REPLAYED, "replayed")) {
            return false;
        }
        for (JsonNode event : readEvents(letter)) {
            inbox.store(new InboundEvent(letter.source(), "replay-" + letter.id() + "-" + event.path("delivery_id").asText(),
                    event.path("event_type").asText(), letter.incidentKey(), event.path("payload").asText()));
        }
        return true;
    }

    private JsonNode readEvents(DeadLetter letter) {
        try {
            return json.readTree(letter.originalEvents());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dead letter " + letter.id() + " holds events that are not JSON", e);
        }
    }
}
