package io.incidentbridge.ops;

import io.incidentbridge.reconcile.Reconciler;
import io.incidentbridge.reconcile.ReconciliationRun;
import org.apache.camel.Header;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedResource;
import org.springframework.stereotype.Component;

/**
 * Trigger a reconciliation (dry run or real, changed incidents or all). The recent run summaries are a query in
 * routes/admin-listings.camel.yaml ({@link ReconciliationRunListing}).
 */
@Component
@ManagedResource(objectName = "io.incidentbridge:type=Reconciliation", description = "Incident Bridge reconciliation")
public class ReconciliationAdmin {
    private final Reconciler reconciler;

    public ReconciliationAdmin(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    public ReconciliationRun trigger(@Header("dryRun") String dryRun, @Header("full") String full) {
        return reconciler.run(Boolean.parseBoolean(dryRun), Boolean.parseBoolean(full));
    }

    @ManagedOperation(description = "Run a reconciliation now (dryRun: report only; full: all incidents, not just changed ones)")
    public String runNow(boolean dryRun, boolean full) {
        return reconciler.run(dryRun, full).toString();
    }
}
