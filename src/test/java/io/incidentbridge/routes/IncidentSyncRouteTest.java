package io.incidentbridge.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.TestSettings;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.config.InsertIfAbsent;
import io.incidentbridge.config.ReplicaName;
import io.incidentbridge.errors.BridgeErrorPolicy;
import io.incidentbridge.errors.FailureKind;
import io.incidentbridge.errors.PermanentFailure;
import io.incidentbridge.errors.RateLimitedFailure;
import io.incidentbridge.errors.RetryBackoff;
import io.incidentbridge.errors.TransientFailure;
import io.incidentbridge.inbox.BridgeMetrics;
import io.incidentbridge.inbox.ClaimedIncident;
import io.incidentbridge.inbox.DeadLetterRepository;
import io.incidentbridge.inbox.InboundEvent;
import io.incidentbridge.inbox.InboxClaimer;
import io.incidentbridge.inbox.InboxOutcomes;
import io.incidentbridge.inbox.InboxRepository;
import io.incidentbridge.model.IncidentSnapshot;
import io.incidentbridge.model.MappedIncident;
import io.incidentbridge.reconcile.ReconciliationRuns;
import io.incidentbridge.sync.RecordLink;
import io.incidentbridge.sync.SyncConditions;
import io.incidentbridge.sync.SyncOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The forward sync route ({@code incident-sync-to-servicenow}), entered through the dispatcher that marks the claim done
 * ({@code claimed-incident-syncs-both-ways}, its ServiceNow -> incident.io branch woven to a mock), through the real
 * {@code sync-error-policy}:
 * every step that reads incident.io, maps or writes ServiceNow is woven to a mock (AdviceWith on its step id), the
 * sync conditions and the inbox are real. Each test claims an incident from a real inbox, sends the claim through the
 * route and checks what each step received and where the claimed events ended: done, skipped, back in the inbox for a
 * later attempt, or a dead letter.
 */
@CamelSpringBootTest
@UseAdviceWith
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@SpringBootTest(classes = IncidentSyncRouteTest.ForwardSync.class, properties = {
        "camel.main.routes-include-pattern=file:routes/incident-sync.camel.yaml,file:routes/claimed-incident-sync.camel.yaml",
        "bridge.sync.concurrency=1",
        "camel.main.name=incident-sync-route-test"})
class IncidentSyncRouteTest {
    /** The steps of the forward route that call out or map, in route order. */
    static final List<String> OUTBOUND_STEPS = List.of("newest-incident-state", "map-to-servicenow-fields", "authorise-servicenow",
            "write-servicenow-incident", "pin-servicenow-link-in-incident-io", "write-follow-ups-as-tasks",
            "write-status-updates-as-journal-entries");

    @Configuration
    @ImportAutoConfiguration({CamelAutoConfiguration.class, DataSourceAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class})
    @Import({BridgeErrorPolicy.class, RouteTestBeans.class})
    static class ForwardSync {
        @Bean
        BridgeProperties bridgeProperties() {
            return TestSettings.load(Map.of("bridge.servicenow.instance-url", "https://acme.service-now.com",
                    "bridge.retry.in-memory-attempts", "2", "bridge.retry.initial-delay", "5ms"));
        }

        @Bean
        SyncConditions syncConditions(BridgeProperties properties) {
            return new SyncConditions(properties);
        }

        @Bean
        InboxRepository inboxRepository(JdbcTemplate jdbc, Clock clock) throws Exception {
            return new InboxRepository(jdbc, new InsertIfAbsent(jdbc), clock);
        }

        @Bean
        DeadLetterRepository deadLetterRepository(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
            return new DeadLetterRepository(jdbc, json, clock);
        }

        @Bean
        InboxClaimer inboxClaimer(InboxRepository inbox, BridgeProperties properties) {
            return new InboxClaimer(inbox, properties);
        }

        @Bean
        InboxOutcomes inboxOutcomes(InboxRepository inbox, DeadLetterRepository deadLetters, InboxClaimer claimer,
                                    BridgeProperties properties, Clock clock, MeterRegistry meters, JdbcTemplate jdbc) {
            BridgeMetrics metrics = new BridgeMetrics(meters, clock, inbox, deadLetters,
                    new ReconciliationRuns(jdbc, clock, new ReplicaName()), jdbc);
            return new InboxOutcomes(inbox, deadLetters, claimer, new RetryBackoff(properties), clock, metrics);
        }
    }

    @DynamicPropertySource
    static void aDatabaseOfItsOwn(DynamicPropertyRegistry registry) {
        RouteTestBeans.aDatabaseOfItsOwn(registry, "incident-sync-route-test");
    }

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    InboxRepository inbox;
    @Autowired
    InboxClaimer claimer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private MockEndpoint requeue;
    private MockEndpoint incidentIo;
    private MockEndpoint mapping;
    private MockEndpoint authorise;
    private MockEndpoint writeIncident;
    private MockEndpoint pin;
    private MockEndpoint followUps;
    private MockEndpoint journal;

    @BeforeEach
    void weaveEveryOutboundStepToAMock() throws Exception {
        RouteDefinition route = camel.getCamelContextExtension().getContextPlugin(org.apache.camel.model.Model.class)
                .getRouteDefinition("incident-sync-to-servicenow");
        List<String> present = ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), ProcessorDefinition.class)
                .stream().map(ProcessorDefinition::getId).toList();
        AdviceWith.adviceWith(camel, "incident-sync-to-servicenow", advice -> {
            advice.weaveById("requeue-under-incident").replace().to("mock:requeue-under-incident");
            for (String step : OUTBOUND_STEPS) {
                if (present.contains(step)) {
                    weaveToMock(advice, step);
                }
            }
        });
        // The claim comes in through the dispatcher, which marks it done; the ServiceNow -> incident.io direction and the
        // report have route tests of their own (ServiceNowChangeRouteTest).
        AdviceWith.adviceWith(camel, "claimed-incident-syncs-both-ways", advice -> {
            weaveToMock(advice, "check-for-servicenow-changes");
            weaveToMock(advice, "report-sync");
        });
        camel.start();
        requeue = mock("requeue-under-incident");
        incidentIo = mock("newest-incident-state");
        mapping = mock("map-to-servicenow-fields");
        authorise = mock("authorise-servicenow");
        writeIncident = mock("write-servicenow-incident");
        pin = mock("pin-servicenow-link-in-incident-io");
        followUps = mock("write-follow-ups-as-tasks");
        journal = mock("write-status-updates-as-journal-entries");
        incidentIo.whenAnyExchangeReceived(exchange -> exchange.getMessage().setBody(snapshot(
                exchange.getMessage().getBody(ClaimedIncident.class).incidentKey(), "public")));
        mapping.whenAnyExchangeReceived(exchange -> exchange.getMessage().setBody(
                new MappedIncident(exchange.getMessage().getBody(IncidentSnapshot.class), Map.of("short_description", "Checkout down"))));
        writeIncident.whenAnyExchangeReceived(exchange -> exchange.getMessage().setBody(
                written(exchange.getMessage().getBody(MappedIncident.class))));
    }

    @Test
    void aClaimedIncidentIsFetchedMappedWrittenAndDone() {
        ClaimedIncident claim = claim("01INC", "public_incident.incident_updated_v2");

        sync(claim);

        assertThat(incidentIo.getReceivedExchanges()).singleElement()
                .satisfies(e -> assertThat(e.getMessage().getBody()).isEqualTo(claim));
        assertThat(mapping.getReceivedExchanges()).singleElement().satisfies(e ->
                assertThat(e.getMessage().getBody(IncidentSnapshot.class).id()).isEqualTo("01INC"));
        assertThat(authorise.getReceivedExchanges()).hasSize(1);
        assertThat(writeIncident.getReceivedExchanges()).singleElement().satisfies(e -> {
            assertThat(e.getMessage().getBody(MappedIncident.class).fields()).containsEntry("short_description", "Checkout down");
            assertThat(e.getVariable(InboxOutcomes.CLAIM)).isEqualTo(claim);
        });
        for (MockEndpoint afterTheWrite : List.of(pin, followUps, journal)) {
            assertThat(afterTheWrite.getReceivedExchanges()).as(afterTheWrite.getEndpointUri()).singleElement().satisfies(e ->
                    assertThat(e.getMessage().getBody(SyncOutcome.class).link().sysId()).isEqualTo("sys-01INC"));
        }
        assertThat(requeue.getReceivedExchanges()).isEmpty();
        assertThat(outcome("01INC")).isEqualTo("DONE");
        assertThat(deadLetters()).isZero();
    }

    @Test
    void aTransientFailureThatPassesOnRedeliveryIsDoneAfterOneMoreTry() {
        writeIncident.whenExchangeReceived(1, exchange -> {
            throw new TransientFailure("ServiceNow PATCH incident answered 503");
        });

        sync(claim("01FLAKY", "public_incident.incident_updated_v2"));

        // Redelivery repeats the failed step, not the steps before it.
        assertThat(writeIncident.getReceivedExchanges()).hasSize(2);
        assertThat(incidentIo.getReceivedExchanges()).hasSize(1);
        assertThat(pin.getReceivedExchanges()).hasSize(1);
        assertThat(outcome("01FLAKY")).isEqualTo("DONE");
        assertThat(attempts("01FLAKY")).isZero();
    }

    @Test
    void aTransientFailureThatOutlastsTheRedeliveriesWaitsInTheInboxForALaterAttempt() {
        writeIncident.whenAnyExchangeReceived(exchange -> {
            throw new TransientFailure("ServiceNow PATCH incident answered 503");
        });
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC);

        sync(claim("01DOWN", "public_incident.incident_updated_v2"));

        assertThat(writeIncident.getReceivedExchanges()).hasSize(3);
        assertThat(pin.getReceivedExchanges()).isEmpty();
        assertThat(outcome("01DOWN")).isEqualTo("PENDING: ServiceNow PATCH incident answered 503");
        assertThat(attempts("01DOWN")).isEqualTo(1);
        assertThat(nextAttempt("01DOWN")).isAfter(before);
        assertThat(deadLetters()).isZero();
    }

    @Test
    void aRateLimitedFailureReturnsToTheInboxUntilRetryAfterWithoutRedelivery() {
        writeIncident.whenAnyExchangeReceived(exchange -> {
            throw new RateLimitedFailure("ServiceNow answered 429", Duration.ofSeconds(30));
        });
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC);

        sync(claim("01BUSY", "public_incident.incident_updated_v2"));

        assertThat(writeIncident.getReceivedExchanges()).hasSize(1);
        assertThat(outcome("01BUSY")).isEqualTo("PENDING: ServiceNow answered 429");
        assertThat(nextAttempt("01BUSY")).isAfterOrEqualTo(before.plusSeconds(30)).isBefore(before.plusSeconds(40));
        assertThat(deadLetters()).isZero();
    }

    @Test
    void aPermanentFailureIsADeadLetterWithItsKindAtOnce() {
        writeIncident.whenAnyExchangeReceived(exchange -> {
            throw new PermanentFailure(FailureKind.REFUSED, "ServiceNow POST incident answered 403");
        });

        sync(claim("01DENIED", "public_incident.incident_created_v2"));

        assertThat(writeIncident.getReceivedExchanges()).hasSize(1);
        assertThat(outcome("01DENIED")).startsWith("DEAD: PermanentFailure: ServiceNow POST incident answered 403");
        assertThat(jdbc.queryForMap("SELECT incident_key, error_kind, event_types FROM dead_letter"))
                .containsValues("01DENIED", "public_incident.incident_created_v2");
        assertThat(deadLetters()).isEqualTo(1);
    }

    @Test
    void anIncidentStillFailingAfterTheGiveUpTimeIsADeadLetterInsteadOfWaitingAgain() {
        writeIncident.whenAnyExchangeReceived(exchange -> {
            throw new TransientFailure("ServiceNow PATCH incident answered 503");
        });
        ClaimedIncident claim = claim("01OLD", "public_incident.incident_updated_v2");
        jdbc.update("UPDATE inbox_event SET received_at = ? WHERE incident_key = ?", OffsetDateTime.now(ZoneOffset.UTC).minusDays(2), "01OLD");
        claimer.release(claim);

        sync(claim("01OLD", null));

        assertThat(outcome("01OLD")).startsWith("DEAD: still failing after PT24H");
        assertThat(jdbc.queryForObject("SELECT error_kind FROM dead_letter WHERE incident_key = ?", String.class, "01OLD"))
                .isEqualTo("gave-up");
    }

    @Test
    void anIncidentOutsideTheSyncConditionsIsSkippedAndNothingIsWritten() {
        incidentIo.whenAnyExchangeReceived(exchange -> exchange.getMessage().setBody(snapshot("01PRIVATE", "private")));

        sync(claim("01PRIVATE", "public_incident.incident_updated_v2"));

        assertThat(mapping.getReceivedExchanges()).isEmpty();
        assertThat(writeIncident.getReceivedExchanges()).isEmpty();
        assertThat(outcome("01PRIVATE")).isEqualTo("SKIPPED: private incidents are not synced (bridge.sync.conditions.include-private)");
    }

    @Test
    void aPrivateFollowUpIsRequeuedUnderItsIncidentAndNothingElseHappens() {
        String key = io.incidentbridge.incidentio.IncidentIoEventTypes.FOLLOW_UP_KEY_PREFIX + "01FU";
        ClaimedIncident claim = claim(key, "public_incident.follow_up_created_v1");

        // The requeue step (a mock here) is what files the events under the incident and releases this claim.
        send(claim);

        assertThat(requeue.getReceivedExchanges()).singleElement()
                .satisfies(e -> assertThat(e.getMessage().getBody()).isEqualTo(claim));
        assertThat(incidentIo.getReceivedExchanges()).isEmpty();
        assertThat(writeIncident.getReceivedExchanges()).isEmpty();
    }

    private void send(ClaimedIncident claim) {
        Exchange done = producer.send("direct:sync-claimed-incident-both-ways", exchange -> exchange.getIn().setBody(claim));
        assertThat(done.getException()).as("the policy handles every failure").isNull();
    }

    private static void weaveToMock(AdviceWithRouteBuilder advice, String step) {
        advice.weaveById(step).replace().to("mock:" + step);
    }

    private MockEndpoint mock(String step) {
        return camel.getEndpoint("mock:" + step, MockEndpoint.class);
    }

    /** Sends the claim through the route; whatever the outcome, the policy handles it and the claim is released. */
    private void sync(ClaimedIncident claim) {
        send(claim);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM incident_claim WHERE incident_key = ?", Long.class, claim.incidentKey()))
                .as("claim of " + claim.incidentKey() + " released").isZero();
    }

    /** Stores an event for the incident (unless eventType is null) and claims every pending event of it. */
    private ClaimedIncident claim(String incidentKey, String eventType) {
        if (eventType != null) {
            inbox.store(new InboundEvent("incident.io", "msg_" + incidentKey, eventType, incidentKey,
                    "{\"event_type\":\"" + eventType + "\"}"));
        }
        try {
            return claimer.claimNow(incidentKey, Duration.ofSeconds(5)).orElseThrow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String outcome(String incidentKey) {
        return inbox.status("incident.io", "msg_" + incidentKey);
    }

    private int attempts(String incidentKey) {
        return jdbc.queryForObject("SELECT attempts FROM inbox_event WHERE incident_key = ?", Integer.class, incidentKey);
    }

    private OffsetDateTime nextAttempt(String incidentKey) {
        return jdbc.queryForObject("SELECT next_attempt_at FROM inbox_event WHERE incident_key = ?", OffsetDateTime.class, incidentKey);
    }

    private long deadLetters() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter", Long.class);
    }

    private IncidentSnapshot snapshot(String id, String visibility) {
        ObjectNode incident = json.createObjectNode().put("id", id).put("reference", "INC-1").put("name", "Checkout down")
                .put("visibility", visibility).put("mode", "standard");
        return new IncidentSnapshot(id, OffsetDateTime.now(ZoneOffset.UTC), incident);
    }

    private static SyncOutcome written(MappedIncident mapped) {
        IncidentSnapshot snapshot = mapped.snapshot();
        RecordLink link = new RecordLink(RecordLink.Kind.INCIDENT, snapshot.id(), snapshot.reference(), snapshot.id(), "incident",
                "sys-" + snapshot.id(), "INC0010001", mapped.fields(), snapshot.updatedAt(), OffsetDateTime.now(ZoneOffset.UTC), false);
        return new SyncOutcome(SyncOutcome.Action.CREATED, link, mapped.fields());
    }
}
