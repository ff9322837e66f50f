package io.incidentbridge.ops;

import io.incidentbridge.errors.NotFound;
import io.incidentbridge.inbox.DeadLetter;
import io.incidentbridge.inbox.DeadLetterFilter;
import io.incidentbridge.inbox.DeadLetterReplay;
import io.incidentbridge.inbox.DeadLetterRepository;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.camel.Header;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedResource;
import org.springframework.stereotype.Component;

/** The dead-letter store as operators use it: list, show, replay (one or all matching), discard with a reason. */
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

    public List<DeadLetter> list(@Header("status") String status, @Header("kind") String kind, @Header("incident") String incident,
                                 @Header("error") String error, @Header("since") String since) {
        return deadLetters.matching(filter(status, kind, incident, error, since), MAX_LIST);
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
        List<DeadLetter> open = deadLetters.matching(filter(DeadLetterRepository.OPEN, kind, incident, error, since), MAX_LIST);
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

    private static DeadLetterFilter filter(String status, String kind, String incident, String error, String since) {
        OffsetDateTime from;
        try {
            from = since == null || since.isBlank() ? null : OffsetDateTime.parse(since);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("since must be an RFC 3339 timestamp, e.g. 2026-11-29T10:00:00Z");
        }
        return new DeadLetterFilter(blankToNull(status), blankToNull(kind), blankToNull(incident), blankToNull(error), from);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
