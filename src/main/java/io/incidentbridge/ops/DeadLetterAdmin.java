package io.incidentbridge.ops;

import io.incidentbridge.errors.NotFound;
import io.incidentbridge.inbox.DeadLetter;
import io.incidentbridge.inbox.DeadLetterFilter;
import io.incidentbridge.inbox.DeadLetterReplay;
import io.incidentbridge.inbox.DeadLetterRepository;
import java.util.List;
import java.util.Map;
import org.apache.camel.Header;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedResource;
import org.springframework.stereotype.Component;

/**
 * The dead-letter store as operators use it: show, replay (one or all matching), discard with a reason. The listing is
 * a query in routes/admin-listings.camel.yaml ({@link DeadLetterListing}).
 */
@Component
@ManagedResource(objectName = "io.incidentbridge:type=DeadLetters", description = "Incident Bridge dead letters")
public class DeadLetterAdmin {
    private static final int MAX_LIST = 500;
    private final DeadLetterRepository deadLetters;
    private final DeadLetterReplay replay;

    public DeadLetterAdmin(DeadLetterRepository deadLetters, DeadLetterReplay replay) {
        this.deadLetters = deadLetters;
        this.replay = replay;
    }

    public DeadLetter show(@Header("id") long id) {
        return deadLetters.find(id).orElseThrow(() -> new NotFound("no dead letter " + id));
    }

    public Map<String, Object> replay(@Header("id") long id) {
        DeadLetter letter = show(id);
        boolean replayed = replay.replay(id);
        return Map.of("id", id, "replayed", replayed, "status", replayed ? DeadLetterRepository.REPLAYED : letter.status());
    }

    public Map<String, Object> replayMatching(@Header("kind") String kind, @Header("incident") String incident,
                                              @Header("error") String error, @Header("since") String since) {
        List<DeadLetter> open = deadLetters.matching(DeadLetterFilter.of(DeadLetterRepository.OPEN, kind, incident, error, since), MAX_LIST);
        long replayed = open.stream().filter(letter -> replay.replay(letter.id())).count();
        return Map.of("matched", open.size(), "replayed", replayed);
    }

    public Map<String, Object> discard(@Header("id") long id, Map<String, Object> body) {
        show(id);
        Object reason = body == null ? null : body.get("reason");
        if (reason == null || reason.toString().isBlank()) {
            throw new IllegalArgumentException("a discard needs a reason, e.g. {\"reason\": \"duplicate of INC-12\"}");
        }
        boolean discarded = deadLetters.resolve(id, DeadLetterRepository.DISCARDED, reason.toString());
        return Map.of("id", id, "discarded", discarded);
    }

    @ManagedOperation(description = "Replay every open dead letter")
    public String replayAllOpen() {
        return replayMatching(null, null, null, null).toString();
    }

    @ManagedOperation(description = "Replay one dead letter by id")
    public String replayOne(long id) {
        return replay(id).toString();
    }
}
