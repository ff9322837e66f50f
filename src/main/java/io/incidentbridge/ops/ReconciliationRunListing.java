package io.incidentbridge.ops;

import io.incidentbridge.reconcile.ReconciliationRun;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The two ends of the reconciliation run log's listing (routes/admin-listings.camel.yaml): how many runs, and the
 * query's rows as the run summaries the API answers. The query itself is the route's sql: step.
 */
@Component
public class ReconciliationRunListing {
    /** The most recent runs one listing answers. */
    public static final int LIMIT = 20;

    /** Named parameters of query-reconciliation-runs. */
    public Map<String, Object> parameters() {
        return Map.of("limit", LIMIT);
    }

    public List<ReconciliationRun> rows(List<Map<String, Object>> rows) {
        return rows.stream().map(SqlRow::new).map(ReconciliationRunListing::run).toList();
    }

    private static ReconciliationRun run(SqlRow row) {
        OffsetDateTime started = row.time("started_at");
        OffsetDateTime finished = row.time("finished_at");
        return new ReconciliationRun(row.number("id"), String.valueOf(started), String.valueOf(finished), row.flag("dry_run"),
                row.flag("full_scan"), row.text("updated_since"), (int) row.number("checked"), (int) row.number("created"),
                (int) row.number("repaired"), (int) row.number("deleted_links"), (int) row.number("failed"),
                finished == null ? 0 : Duration.between(started, finished).toMillis(), row.text("status"),
                row.text("details"), row.text("replica"));
    }
}
