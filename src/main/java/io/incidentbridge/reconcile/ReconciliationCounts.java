package io.incidentbridge.reconcile;

/** Running totals of one reconciliation run. */
public final class ReconciliationCounts {
    private int checked;
    private int created;
    private int repaired;
    private int deletedLinks;
    private int failed;

    void countChecked() {
        checked++;
    }

    void countCreated() {
        created++;
    }

    void countRepaired() {
        repaired++;
    }

    void countDeletedLink() {
        deletedLinks++;
    }

    void countFailed() {
        failed++;
    }

    public int checked() {
        return checked;
    }

    public int created() {
        return created;
    }

    public int repaired() {
        return repaired;
    }

    public int deletedLinks() {
        return deletedLinks;
    }

    public int failed() {
        return failed;
    }
}
