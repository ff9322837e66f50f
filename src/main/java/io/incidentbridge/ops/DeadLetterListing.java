package io.incidentbridge.ops;

import io.incidentbridge.inbox.DeadLetter;
import io.incidentbridge.inbox.DeadLetterFilter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * The two ends of the dead-letter listing (routes/admin-listings.camel.yaml): the operator's filter as the query's
 * parameters, and the query's rows as the dead letters the API answers. The query itself is the route's sql: step.
 */
@Component
public class DeadLetterListing {
    /** The most dead letters one listing answers, newest first. */
    public static final int LIMIT = 500;

    /** Named parameters of query-dead-letters: null where the operator set no filter (the query then matches any). */
    public Map<String, Object> parameters(@Header("status") String status, @Header("kind") String kind,
                                          @Header("incident") String incident, @Header("error") String error,
                                          @Header("since") String since) {
        DeadLetterFilter filter = DeadLetterFilter.of(status, kind, incident, error, since);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("status", filter.status());
        parameters.put("kind", filter.kind());
        parameters.put("incident", filter.incident());
        parameters.put("errorPattern", filter.errorPattern());
        parameters.put("since", filter.since());
        parameters.put("limit", LIMIT);
        return parameters;
    }

    public List<DeadLetter> rows(List<Map<String, Object>> rows) {
        return rows.stream().map(SqlRow::new).map(DeadLetterListing::deadLetter).toList();
    }

    private static DeadLetter deadLetter(SqlRow row) {
        return new DeadLetter(row.number("id"), row.text("source"), row.text("incident_key"), row.text("event_types"),
                row.text("original_events"), row.text("error_kind"), row.text("error_message"), (int) row.number("attempts"),
                row.time("first_received_at"), row.time("created_at"), row.text("status"));
    }
}
