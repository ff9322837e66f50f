package io.incidentbridge.ops;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelConfigurationProperties;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.PluginHelper;
import org.springframework.stereotype.Component;

/**
 * The routes the bridge is made of. They are loaded from files ({@code camel.main.routes-include-pattern}), so a
 * folder that is missing, empty or mounted wrong would leave a bridge that runs, looks healthy and answers every
 * webhook with 404. Before Camel starts, every route listed here must have been loaded; otherwise the bridge refuses
 * to start, naming the folder and the pattern. {@code RouteInventoryTest} checks the shipped files against the same list.
 */
@Component
public class RequiredRoutes implements CamelContextConfiguration {
    public static final List<String> IDS = List.of(
            "incident-io-webhook-receive",
            "servicenow-callback-receive",
            "inbox-hand-ready-incidents-to-workers",
            "inbox-renew-claim-leases",
            "incident-sync-workers-take-claimed-incidents",
            "claimed-incident-syncs-both-ways",
            "incident-sync-to-servicenow",
            "servicenow-change-to-incident-io",
            "reload-mappings-when-files-change",
            "reconcile-incidents-on-schedule",
            "import-cmdb-items-into-incident-io-catalog",
            "poll-servicenow-for-changes",
            "admin-lists-dead-letters",
            "admin-shows-a-dead-letter",
            "admin-replays-a-dead-letter",
            "admin-replays-matching-dead-letters",
            "admin-discards-a-dead-letter",
            "admin-finds-links",
            "admin-syncs-an-incident-now",
            "admin-validates-mappings",
            "admin-previews-a-mapping",
            "admin-reloads-mappings",
            "admin-checks-the-servicenow-connection",
            "admin-lists-reconciliation-runs",
            "admin-runs-a-reconciliation",
            "admin-lists-mappings",
            "admin-shows-a-mapping",
            "admin-saves-a-mapping",
            "admin-lists-mapping-versions",
            "admin-shows-a-mapping-version",
            "admin-restores-a-mapping-version",
            "remove-expired-records",
            "servicenow-table-api-call",
            "servicenow-token-request",
            "incident-io-api-call");

    private final String pattern;

    public RequiredRoutes(CamelConfigurationProperties camel) {
        this.pattern = camel.getMain().getRoutesIncludePattern();
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        Set<String> missing = new TreeSet<>(IDS);
        camelContext.getCamelContextExtension().getContextPlugin(org.apache.camel.model.Model.class)
                .getRouteDefinitions().forEach(route -> missing.remove(route.getRouteId()));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The bridge cannot start: " + missing.size() + " of its " + IDS.size()
                    + " routes are missing " + missing + ". Routes are loaded from " + pattern
                    + " (camel.main.routes-include-pattern), which found " + filesFound(camelContext)
                    + " file(s). Mount or copy every routes/*.camel.yaml file of this release there.");
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // Checked before the start.
    }

    private String filesFound(CamelContext camelContext) {
        try {
            return Integer.toString(PluginHelper.getPackageScanResourceResolver(camelContext).findResources(pattern).size());
        } catch (Exception e) {
            return "no";
        }
    }
}
