package io.incidentbridge.ops;

import io.incidentbridge.config.BridgeProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Applies bridge.retention: removes, in batches of batch-size rows (each batch its own short transaction), what the
 * bridge no longer needs and should not keep (payloads hold incident text, private incidents included):
 * <ul>
 *   <li>inbox events that are done or skipped, done-events after they finished;</li>
 *   <li>dead letters that were replayed or discarded, resolved-dead-letters after that, and the inbox's copies of dead
 *       events as old, unless the incident still has an open dead letter. Open dead letters are never removed by age;</li>
 *   <li>ServiceNow callback message ids older than twice the signature's time window (a copy that old is refused by
 *       its timestamp anyway).</li>
 * </ul>
 * Every removed row is counted in {@code bridge_retention_removed_total{table=...}}.
 */
@Component
public class ExpiredRecords {
    private static final Logger LOG = LoggerFactory.getLogger(ExpiredRecords.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MeterRegistry meters;
    private final BridgeProperties.Retention settings;
    private final Duration callbackWindow;

    public ExpiredRecords(JdbcTemplate jdbc, Clock clock, MeterRegistry meters, BridgeProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
        this.settings = properties.retention();
        this.callbackWindow = properties.webhooks().timestampTolerance().multipliedBy(2);
    }

    /** One clean-up run; returns the rows removed per table. */
    public Map<String, Integer> remove() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime eventsBefore = now.minus(settings.doneEvents());
        OffsetDateTime lettersBefore = now.minus(settings.resolvedDeadLetters());
        Map<String, Integer> removed = new LinkedHashMap<>();
        removed.put("inbox_event", inBatches("inbox_event", "SELECT id FROM inbox_event WHERE status IN ('DONE', 'SKIPPED')"
                + " AND processed_at < ?", eventsBefore)
                + inBatches("inbox_event", "SELECT id FROM inbox_event e WHERE e.status = 'DEAD' AND e.processed_at < ?"
                + " AND NOT EXISTS (SELECT 1 FROM dead_letter d WHERE d.incident_key = e.incident_key AND d.status = 'OPEN')",
                lettersBefore));
        removed.put("dead_letter", inBatches("dead_letter", "SELECT id FROM dead_letter WHERE status IN ('REPLAYED', 'DISCARDED')"
                + " AND resolved_at < ?", lettersBefore));
        removed.put("servicenow_callback_message", batches(() -> jdbc.update("DELETE FROM servicenow_callback_message"
                + " WHERE message_id IN (SELECT message_id FROM servicenow_callback_message WHERE received_at < ?"
                + " ORDER BY received_at FETCH FIRST " + settings.batchSize() + " ROWS ONLY)", now.minus(callbackWindow))));
        removed.forEach((table, rows) -> meters.counter("bridge.retention.removed", "table", table).increment(rows));
        if (removed.values().stream().anyMatch(rows -> rows > 0)) {
            LOG.info("Retention: removed {} (done and skipped events after {}, settled dead letters after {})", removed,
                    settings.doneEvents(), settings.resolvedDeadLetters());
        }
        return removed;
    }

    private int inBatches(String table, String selectIds, OffsetDateTime before) {
        return batches(() -> jdbc.update("DELETE FROM " + table + " WHERE id IN (" + selectIds + " ORDER BY id FETCH FIRST "
                + settings.batchSize() + " ROWS ONLY)", before));
    }

    /** Runs {@code batch} until it removes less than a full batch, or max-batches-per-run were run. */
    private int batches(java.util.function.IntSupplier batch) {
        int total = 0;
        for (int i = 0; i < settings.maxBatchesPerRun(); i++) {
            int rows = batch.getAsInt();
            total += rows;
            if (rows < settings.batchSize()) {
                break;
            }
        }
        return total;
    }
}
