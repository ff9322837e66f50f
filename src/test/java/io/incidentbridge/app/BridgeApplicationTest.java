package io.incidentbridge.app;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.IncidentBridgeApplication;
import io.incidentbridge.TestDatabase;
import io.incidentbridge.backsync.IncidentAssignment;
import io.incidentbridge.emulator.core.RecordedRequest;
import io.incidentbridge.emulator.incidentio.IncidentIoEmulator;
import io.incidentbridge.emulator.incidentio.IncidentSpec;
import io.incidentbridge.emulator.incidentio.WebhookSender;
import io.incidentbridge.emulator.servicenow.CallbackTarget;
import io.incidentbridge.emulator.servicenow.ServiceNowEmulator;
import io.incidentbridge.inbox.ClaimedIncident;
import io.incidentbridge.inbox.InboxOutcomes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bridge as it runs, on a random port, against both emulators over real HTTP. All application tests
 * share one context and one pair of emulators; each test works on incidents of its own. The database is
 * H2, or PostgreSQL in the {@code postgres} pass ({@link TestDatabase}).
 */
@SpringBootTest(classes = IncidentBridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
public abstract class BridgeApplicationTest {
    protected static final ServiceNowEmulator SERVICENOW = ServiceNowEmulator.start();
    protected static final IncidentIoEmulator INCIDENTIO = IncidentIoEmulator.start();
    protected static final String WEBHOOK_SECRET = WebhookSender.newSecret();
    /** The business rule's signing secret; the bridge accepts it and the one it replaces (rotation). */
    protected static final String CALLBACK_SECRET = WebhookSender.newSecret();
    protected static final String PREVIOUS_CALLBACK_SECRET = WebhookSender.newSecret();
    protected static final Duration PATIENCE = Duration.ofSeconds(30);
    /** A copy of mappings/ that tests may edit (hot reload) without touching the real files. */
    protected static final java.nio.file.Path MAPPINGS = copyOfMappings();
    protected static final String ADMIN_USER = "ops-admin";
    protected static final String ADMIN_PASSWORD = "admin-pass-" + java.util.UUID.randomUUID();
    protected static final String VIEWER_USER = "ops-viewer";
    protected static final String VIEWER_PASSWORD = "viewer-pass-" + java.util.UUID.randomUUID();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected CamelContext camel;

    /**
     * For a test class that needs a bridge configured differently: a database of its own, so that neither bridge
     * takes the other's inbox events or Quartz jobs while both contexts are alive (Spring keeps them cached), and a
     * Quartz scheduler name of its own: Quartz keeps its job stores' connection providers in one JVM-wide registry by
     * that name, so a second scheduler of the same name would take over the first one's database (and break it when
     * its own context closes).
     */
    protected static void aDatabaseOfItsOwn(DynamicPropertyRegistry registry, String name) {
        TestDatabase.Credentials database = TestDatabase.newDatabase("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
        registry.add("spring.quartz.scheduler-name", () -> name);
    }

    @DynamicPropertySource
    static void pointTheBridgeAtTheEmulators(DynamicPropertyRegistry registry) {
        registry.add("SERVICENOW_INSTANCE_URL", SERVICENOW::baseUrl);
        registry.add("SERVICENOW_CLIENT_ID", () -> ServiceNowEmulator.CLIENT_ID);
        registry.add("SERVICENOW_CLIENT_SECRET", () -> ServiceNowEmulator.CLIENT_SECRET);
        registry.add("SERVICENOW_USERNAME", () -> ServiceNowEmulator.USERNAME);
        registry.add("SERVICENOW_PASSWORD", () -> ServiceNowEmulator.PASSWORD);
        registry.add("INCIDENTIO_API_URL", INCIDENTIO::baseUrl);
        registry.add("INCIDENTIO_API_KEY", () -> IncidentIoEmulator.API_KEY);
        registry.add("INCIDENTIO_WEBHOOK_SECRET", () -> WEBHOOK_SECRET);
        registry.add("SERVICENOW_CALLBACK_SECRET", () -> PREVIOUS_CALLBACK_SECRET + "," + CALLBACK_SECRET);
        TestDatabase.Credentials database = TestDatabase.newDatabase("jdbc:h2:mem:bridge-app-tests;DB_CLOSE_DELAY=-1");
        registry.add("BRIDGE_DB_URL", database::url);
        registry.add("BRIDGE_DB_USER", database::user);
        registry.add("BRIDGE_DB_PASSWORD", database::password);
        registry.add("bridge.mapping.directory", () -> MAPPINGS.toString());
        registry.add("bridge.mapping.watch-interval", () -> "200ms");
        registry.add("bridge.cmdb-import.alias-fields", () -> "short_description");
        registry.add("BRIDGE_ADMIN_USER", () -> ADMIN_USER);
        registry.add("BRIDGE_ADMIN_PASSWORD", () -> ADMIN_PASSWORD);
        registry.add("BRIDGE_VIEWER_USER", () -> VIEWER_USER);
        registry.add("BRIDGE_VIEWER_PASSWORD", () -> VIEWER_PASSWORD);
        registry.add("bridge.servicenow.request-timeout", () -> "2s");
        registry.add("bridge.retry.initial-delay", () -> "50ms");
        registry.add("bridge.retry.max-delay", () -> "1s");
        // Polling is off unless a test starts its route; when it does, it polls every second.
        registry.add("bridge.back-sync.poll-interval", () -> "1s");
    }

    private static java.nio.file.Path copyOfMappings() {
        try {
            java.nio.file.Path copy = java.nio.file.Files.createDirectories(
                    java.nio.file.Path.of("target", "test-mappings", java.util.UUID.randomUUID().toString()));
            try (var files = java.nio.file.Files.list(java.nio.file.Path.of("mappings"))) {
                for (java.nio.file.Path file : files.toList()) {
                    java.nio.file.Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
            return copy;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot copy mappings/", e);
        }
    }

    @AfterEach
    void healBothSides() {
        SERVICENOW.faults().reset();
        SERVICENOW.callbackRule().remove();
        INCIDENTIO.faults().reset();
    }

    /**
     * Installs ServiceNow's callback business rule, pointed at this bridge with its secret, as a customer would; the
     * rule is removed after each test, so only tests that install it see callbacks.
     */
    protected void installCallbackRule() {
        SERVICENOW.callbackRule().install(CallbackTarget.of(callbackUrl(), CALLBACK_SECRET));
    }

    protected String callbackUrl() {
        return "http://127.0.0.1:" + port + "/webhooks/servicenow";
    }

    /**
     * Waits until the bridge has nothing left to do for the incident: no event waiting in the inbox, no callback on
     * its way. In that order, twice over the inbox: a write the bridge made while working fires a callback before the
     * work is marked done, and that callback is stored before the rule counts it as sent.
     */
    protected void settle(String incidentId) {
        await().atMost(PATIENCE).until(() -> inboxDrained(incidentId) && SERVICENOW.callbackRule().idle()
                && inboxDrained(incidentId));
    }

    private static volatile boolean warm;

    /**
     * Syncs one incident once per JVM, so that reference lookups are cached and the JIT has run: a test that makes
     * the next ServiceNow call fail, or counts writes of a burst, then sees the call or the timing it means.
     */
    protected void warmUp() {
        if (!warm) {
            String id = newIncident("Warm-up").path("id").asText();
            webhooks().send(event("public_incident.incident_created_v2", id));
            awaitServiceNowIncident(id, java.util.Map.of("short_description", "Warm-up"));
            awaitInboxDrained(id);
            warm = true;
        }
    }

    protected WebhookSender webhooks() {
        return new WebhookSender("http://127.0.0.1:" + port + "/webhooks/incident-io", WEBHOOK_SECRET)
                .retrySchedule(Duration.ZERO, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    protected ObjectNode newIncident(String name) {
        return INCIDENTIO.createIncident(IncidentSpec.of(name));
    }

    protected String event(String eventType, String incidentId) {
        return INCIDENTIO.webhookBody(eventType, incidentId);
    }

    /** The ServiceNow incidents the bridge made for this incident.io incident (there must be at most one). */
    protected List<Map<String, String>> serviceNowIncidents(String incidentId) {
        return SERVICENOW.find("incident", "correlation_id=" + incidentId);
    }

    protected Optional<Map<String, String>> serviceNowIncident(String incidentId) {
        List<Map<String, String>> found = serviceNowIncidents(incidentId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    protected Map<String, String> awaitServiceNowIncident(String incidentId, Map<String, String> expected) {
        await().atMost(PATIENCE).until(() -> serviceNowIncident(incidentId)
                .filter(record -> record.entrySet().containsAll(expected.entrySet())).isPresent());
        return serviceNowIncident(incidentId).orElseThrow();
    }

    /** Every write the bridge made to ServiceNow for this incident: the POST that created it and each PATCH. */
    protected List<RecordedRequest> writesFor(String incidentId) {
        String sysId = serviceNowIncident(incidentId).map(r -> r.get("sys_id")).orElse("none");
        return SERVICENOW.requests().stream()
                .filter(r -> r.path().startsWith("/api/now/table/incident"))
                .filter(r -> r.method().equals("POST") && r.body() != null && r.body().contains(incidentId)
                        || r.method().equals("PATCH") && r.path().endsWith("/" + sysId))
                .toList();
    }

    protected long deadLettersFor(String incidentId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE incident_key = ?", Long.class, incidentId);
        return count == null ? 0 : count;
    }

    /**
     * Camel's own signal that the sync workers have finished {@code times} claims of this incident, whatever the
     * outcome (done, skipped, back in the inbox, dead letter). Create it before sending what starts the sync.
     */
    protected NotifyBuilder syncsOf(String incidentId, int times) {
        return new NotifyBuilder(camel).fromRoute("incident-sync-workers-take-claimed-incidents")
                .filter(exchange -> incidentId.equals(claimedIncidentKey(exchange)))
                .whenDone(times).create();
    }

    /** Waits for that signal; false when it did not come within the test's patience. */
    protected boolean finished(NotifyBuilder syncs) {
        return syncs.matches(PATIENCE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private static String claimedIncidentKey(Exchange exchange) {
        ClaimedIncident claim = exchange.getVariable(InboxOutcomes.CLAIM, ClaimedIncident.class);
        return claim == null ? null : claim.incidentKey();
    }

    protected void awaitInboxDrained(String incidentId) {
        await().atMost(PATIENCE).until(() -> inboxDrained(incidentId));
    }

    private boolean inboxDrained(String incidentId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE incident_key = ? AND status = 'PENDING'",
                Long.class, incidentId) == 0;
    }

    /** What incident.io shows in the "ServiceNow notes" text field of the incident, or "" without an entry. */
    protected String serviceNowNotes(String incidentId) {
        String shown = IncidentAssignment.shown(INCIDENTIO.incident(incidentId), "ServiceNow notes");
        return shown == null ? "" : shown;
    }

    /** The email of the incident's lead in incident.io, or null without one. */
    protected String incidentLead(String incidentId) {
        for (var assignment : INCIDENTIO.incident(incidentId).path("incident_role_assignments")) {
            if ("lead".equals(assignment.path("role").path("role_type").asText())) {
                return assignment.path("assignee").path("email").asText(null);
            }
        }
        return null;
    }
}
