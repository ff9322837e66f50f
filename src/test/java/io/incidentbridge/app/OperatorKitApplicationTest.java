package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.incidentbridge.emulator.incidentio.WebhookSender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the alert rules under deploy/ ask only for metrics the bridge exports (after some traffic:
 * a synced incident, a refused webhook, a dead letter, a reconciliation run), the two copies of the rules are the same,
 * and every runbook link lands on a heading of docs/operations.md. A metric renamed in code breaks this test, not the
 * dashboard.
 */
class OperatorKitApplicationTest extends BridgeApplicationTest {
    private static final Pattern METRIC = Pattern.compile("\\bbridge_[a-z0-9_]+\\b");
    private static final Path DASHBOARD = Path.of("deploy/grafana/incident-bridge-dashboard.json");
    private static final Path RULES = Path.of("deploy/prometheus/incident-bridge-rules.yaml");
    private static final Path PROMETHEUS_RULE = Path.of("deploy/kubernetes/prometheus-rules.yaml");
    private static final Path RUNBOOKS = Path.of("docs/operations.md");
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void everyMetricTheDashboardAndTheAlertsUseIsExported() throws Exception {
        Set<String> exported = exportedAfterTraffic();
        Set<String> dashboard = dashboardMetrics();
        Set<String> rules = ruleMetrics(yaml.readTree(RULES.toFile()).path("groups"));
        assertThat(dashboard).as("metrics the dashboard queries").hasSizeGreaterThanOrEqualTo(15);
        assertThat(rules).as("metrics the alert rules use").hasSizeGreaterThanOrEqualTo(8);
        assertThat(exported).as("/actuator/prometheus after traffic").containsAll(dashboard).containsAll(rules);
    }

    @Test
    void theDashboardImportsAsIsWithAPrometheusDataSourceVariable() throws Exception {
        JsonNode dashboard = json.readTree(DASHBOARD.toFile());
        assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
        assertThat(dashboard.path("id").isNull()).as("no id of one Grafana instance").isTrue();
        JsonNode variable = dashboard.path("templating").path("list").get(0);
        assertThat(variable.path("name").asText()).isEqualTo("datasource");
        assertThat(variable.path("type").asText()).isEqualTo("datasource");
        assertThat(variable.path("query").asText()).isEqualTo("prometheus");
        for (JsonNode panel : dashboard.path("panels")) {
            if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText()).isEqualTo("${datasource}");
                assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
                panel.path("targets").forEach(t -> assertThat(t.path("datasource").path("uid").asText()).isEqualTo("${datasource}"));
            }
        }
        assertThat(dashboard.path("panels").findValuesAsText("title")).contains("Webhooks received by type and result",
                "Webhooks refused by sender and status", "Sync latency (webhook received to ServiceNow written)", "Inbox backlog",
                "Oldest waiting event", "Open dead letters by kind", "ServiceNow calls by method, table and status",
                "ServiceNow token requests by grant", "incident.io calls and 429s", "Reconciliation runs by status", "Replicas up");
    }

    @Test
    void thePrometheusRuleAndThePlainRulesFileHoldTheSameRulesEachWithARunbookSection() throws Exception {
        JsonNode plain = yaml.readTree(RULES.toFile()).path("groups");
        JsonNode operator = yaml.readTree(PROMETHEUS_RULE.toFile());
        assertThat(operator.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(operator.path("kind").asText()).isEqualTo("PrometheusRule");
        assertThat(operator.path("spec").path("groups")).as("the PrometheusRule's groups").isEqualTo(plain);

        Set<String> anchors = headingAnchors(Files.readString(RUNBOOKS));
        Set<String> alerts = new TreeSet<>();
        for (JsonNode rule : plain.findValues("rules").get(0)) {
            String alert = rule.path("alert").asText();
            alerts.add(alert);
            assertThat(rule.path("expr").asText()).as(alert).isNotBlank();
            assertThat(rule.path("labels").path("severity").asText()).as(alert).isIn("warning", "critical");
            String runbook = rule.path("annotations").path("runbook_url").asText();
            assertThat(runbook).as(alert + " runbook_url").contains("docs/operations.md#");
            assertThat(anchors).as("headings of docs/operations.md").contains(runbook.substring(runbook.indexOf('#') + 1));
        }
        assertThat(alerts).contains("IncidentBridgeBacklogGrowing", "IncidentBridgeOldestEventWaiting", "IncidentBridgeDeadLettersOpen",
                "IncidentBridgeTokenRequestsFailing", "IncidentBridgeServiceNowErrors", "IncidentBridgeWebhooksRefused",
                "IncidentBridgeNoWebhooks", "IncidentBridgeReconciliationFailed", "IncidentBridgeReconciliationLate");
    }

    /** Sample names (histograms as _bucket/_count/_sum, counters as _total) exported once each meter has seen traffic. */
    private Set<String> exportedAfterTraffic() throws Exception {
        warmUp();
        String id = newIncident("Operator kit").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        awaitServiceNowIncident(id, Map.of("short_description", "Operator kit"));
        awaitInboxDrained(id);
        String forged = event("public_incident.incident_updated_v2", id);
        long now = Instant.now().getEpochSecond();
        assertThat(webhooks().post("msg_operator_kit_forged", now, forged,
                WebhookSender.sign(WebhookSender.newSecret(), "msg_operator_kit_forged", now, forged)).statusCode()).isEqualTo(401);
        SERVICENOW.faults().failNext(1, 400);
        String dead = newIncident("Operator kit dead letter").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", dead));
        await().atMost(PATIENCE).until(() -> deadLettersFor(dead) == 1);
        AdminClient admin = new AdminClient(port);
        assertThat(admin.call("POST", "/api/reconciliation/runs?dryRun=true", ADMIN_USER, ADMIN_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(admin.call("POST", "/api/reconciliation/runs", ADMIN_USER, ADMIN_PASSWORD).statusCode()).isEqualTo(200);

        String scrape = admin.call("GET", "/actuator/prometheus", VIEWER_USER, VIEWER_PASSWORD).body();
        return scrape.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> dashboardMetrics() throws Exception {
        JsonNode dashboard = json.readTree(DASHBOARD.toFile());
        Set<String> metrics = new TreeSet<>();
        dashboard.findValuesAsText("expr").forEach(expr -> metrics.addAll(metricsIn(expr)));
        dashboard.path("templating").path("list").forEach(v -> metrics.addAll(metricsIn(v.path("definition").asText())));
        return metrics;
    }

    private static Set<String> ruleMetrics(JsonNode groups) {
        Set<String> metrics = new TreeSet<>();
        groups.findValues("expr").forEach(expr -> metrics.addAll(metricsIn(expr.asText())));
        return metrics;
    }

    private static Set<String> metricsIn(String query) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(query);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    /** Heading anchors as GitHub makes them: lower case, punctuation dropped, spaces as hyphens. */
    static Set<String> headingAnchors(String markdown) {
        return markdown.lines().filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
