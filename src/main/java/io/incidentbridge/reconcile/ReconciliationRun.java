package io.incidentbridge.reconcile;

/** A run's summary, as operators read it later, with the replica that ran it. */
public record ReconciliationRun(long id, String startedAt, String finishedAt, boolean dryRun, boolean fullScan,
                                String updatedSince, int checked, int created, int repaired, int deletedLinks, int failed,
                                long durationMillis, String status, String details,
                                String replica) {
}
