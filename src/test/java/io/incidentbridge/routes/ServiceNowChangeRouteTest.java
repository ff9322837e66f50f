package io.incidentbridge.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.TestSettings;
import io.incidentbridge.backsync.BothSides;
import io.incidentbridge.backsync.ServiceNowCallbackParser;
import io.incidentbridge.backsync.ServiceNowChangeDecision;
import io.incidentbridge.backsync.ServiceNowChangePlan;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.errors.BridgeErrorPolicy;
import io.incidentbridge.errors.FailureKind;
import io.incidentbridge.errors.PermanentFailure;
import io.incidentbridge.errors.RateLimitedFailure;
import io.incidentbridge.errors.TransientFailure;
import io.incidentbridge.inbox.ClaimedIncident;
import io.incidentbridge.inbox.InboxOutcomes;
import io.incidentbridge.inbox.StoredEvent;
import io.incidentbridge.mapping.DirectoryLookups;
import io.incidentbridge.mapping.MappingTemplates;
import io.incidentbridge.mapping.ServiceNowChangeMapper;
import io.incidentbridge.model.IncidentSnapshot;
import io.incidentbridge.model.MappedIncident;
import io.incidentbridge.servicenow.ServiceNowRecord;
import io.incidentbridge.sync.FieldOwnership;
import io.incidentbridge.sync.FieldSettlement;
import io.incidentbridge.sync.OwnedField;
import io.incidentbridge.sync.RecordLink;
import io.incidentbridge.sync.SyncOutcome;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The two routes that carry one claim both ways: {@code claimed-incident-syncs-both-ways} (the forward route, the report
 * and the inbox outcome woven to mocks) and {@code servicenow-change-to-incident-io} (its loading and applying steps
 * woven to mocks; the decision between them is the real, pure one). Each test says what reached which step, and where a
 * failure ended under the sync error policy (a stand-in {@code inboxOutcomes} records it).
 */
@CamelSpringBootTest
@UseAdviceWith
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@SpringBootTest(classes = ServiceNowChangeRouteTest.BothWays.class, properties = {
        "camel.main.routes-include-pattern=file:routes/claimed-incident-sync.camel.yaml,file:routes/servicenow-change-to-incident-io.camel.yaml",
        "camel.main.name=servicenow-change-route-test"})
class ServiceNowChangeRouteTest {
    static final String SYS_ID = "0123456789abcdef0123456789abcdef";
    static final List<String> ENDINGS = new CopyOnWriteArrayList<>();
    static final OffsetDateTime EDITED = OffsetDateTime.parse("2026-11-29T10:00:05Z");
    static final Map<String, String> SYNCED = Map.of("short_description", "Checkout down", "description", "Cards fail",
            "state", "2", "impact", "2", "urgency", "1", "correlation_id", "01INC", "correlation_display", "incident.io");
    static final RecordLink LINK = new RecordLink(RecordLink.Kind.INCIDENT, "01INC", "INC-7", "01INC", "incident", SYS_ID,
            "INC0010001", SYNCED, EDITED, EDITED, true);
    static final String[] BACK_STEPS = {"load-both-sides", "set-follow-up-statuses-in-incident-io", "apply-in-incident-io",
            "write-owner-values-to-servicenow", "remember-synced-values"};

    /** Where the sync error policy ended an exchange: retry later or dead letter, with the failure's message. */
    public static class Outcomes {
        public void retryLater(Exchange exchange) {
            ENDINGS.add("retryLater: " + exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage());
        }

        public void deadLetter(Exchange exchange) {
            ENDINGS.add("deadLetter: " + exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage());
        }
    }

    @Configuration
    @ImportAutoConfiguration(CamelAutoConfiguration.class)
    @Import(BridgeErrorPolicy.class)
    static class BothWays {
        @Bean
        BridgeProperties bridgeProperties() {
            return TestSettings.load(Map.of("bridge.servicenow.instance-url", "https://acme.service-now.com",
                    "bridge.servicenow.username", "bridge.integration",
                    "bridge.retry.in-memory-attempts", "1", "bridge.retry.initial-delay", "5ms"));
        }

        @Bean
        ServiceNowChangeDecision serviceNowChangeDecision(BridgeProperties properties) {
            ObjectMapper json = new ObjectMapper();
            ServiceNowChangeMapper changes = new ServiceNowChangeMapper(new MappingTemplates(properties, DirectoryLookups.sample()),
                    json, properties);
            return new ServiceNowChangeDecision(new FieldSettlement(new FieldOwnership(properties), changes, properties), changes,
                    json, properties);
        }

        @Bean
        Outcomes inboxOutcomes() {
            return new Outcomes();
        }
    }

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;

    private final ObjectMapper json = new ObjectMapper();
    private final MappedIncident mapped = new MappedIncident(new IncidentSnapshot("01INC", EDITED, incident()), SYNCED);
    private MockEndpoint forward;
    private MockEndpoint report;
    private MockEndpoint done;

    @BeforeEach
    void weaveTheEdgesToMocks() throws Exception {
        ENDINGS.clear();
        AdviceWith.adviceWith(camel, "claimed-incident-syncs-both-ways", route -> {
            route.weaveById("incident-io-to-servicenow").replace().to("mock:incident-io-to-servicenow");
            route.weaveById("report-sync").replace().to("mock:report-sync");
            route.weaveById("mark-done").replace().to("mock:mark-done");
        });
        AdviceWith.adviceWith(camel, "servicenow-change-to-incident-io", route -> {
            for (String step : BACK_STEPS) {
                route.weaveById(step).replace().to("mock:" + step);
            }
        });
        camel.start();
        forward = mock("incident-io-to-servicenow");
        report = mock("report-sync");
        done = mock("mark-done");
        forwardWrites(new SyncOutcome(SyncOutcome.Action.UPDATED, LINK, Map.of("short_description", "Checkout down")));
    }

    // ServiceNow -> incident.io, step by step

    @Test
    void eachStepReceivesWhatTheOneBeforeGaveAndTheDecisionSendsTheStatusToIncidentIo() throws Exception {
        loads(sides(List.of(change("ops.person")), record(with(SYNCED, "state", "6"))));
        SyncOutcome outcome = new SyncOutcome(SyncOutcome.Action.UNCHANGED, LINK, Map.of());

        Exchange result = back(claim(ServiceNowCallbackParser.SOURCE), outcome);

        Exchange loaded = single("load-both-sides");
        assertThat(loaded.getMessage().getBody()).isSameAs(outcome);
        assertThat(loaded.getVariable(MappedIncident.VARIABLE)).as("the forward route's incident, not fetched again").isSameAs(mapped);
        assertThat(loaded.getVariable(InboxOutcomes.CLAIM, ClaimedIncident.class).incidentKey()).isEqualTo("01INC");
        ServiceNowChangePlan plan = single("set-follow-up-statuses-in-incident-io").getMessage().getBody(ServiceNowChangePlan.class);
        assertThat(plan.verdict().toIncidentIo()).containsExactly(OwnedField.STATUS);
        assertThat(plan.toIncidentIo().statusCategory()).isEqualTo("learning");
        for (String step : List.of("apply-in-incident-io", "write-owner-values-to-servicenow", "remember-synced-values")) {
            assertThat(single(step).getMessage().getBody()).as(step).isSameAs(plan);
        }
        assertThat(result.getException()).isNull();
        assertThat(ENDINGS).isEmpty();
    }

    @Test
    void theIntegrationUsersOwnChangeReachesTheApplyingStepsAsAPlanThatChangesNothing() throws Exception {
        loads(sides(List.of(change("bridge.integration")), record(with(SYNCED, "state", "6"))));

        back(claim(ServiceNowCallbackParser.SOURCE), new SyncOutcome(SyncOutcome.Action.UNCHANGED, LINK, Map.of()));

        ServiceNowChangePlan plan = single("apply-in-incident-io").getMessage().getBody(ServiceNowChangePlan.class);
        assertThat(plan.settles()).isFalse();
        assertThat(plan.toIncidentIo().isEmpty()).isTrue();
        assertThat(plan.toServiceNow()).isEmpty();
    }

    @Test
    void aFieldIncidentIoKeepsReachesTheServiceNowWriteBack() throws Exception {
        MappedIncident renamed = new MappedIncident(mapped.snapshot(), with(SYNCED, "short_description", "Checkout down for cards"));
        loads(new BothSides(renamed, LINK, false, false, List.of(change("ops.person")),
                Optional.of(record(with(SYNCED, "short_description", "Checkout broken"))), List.of(), Map.of()));

        back(claim(ServiceNowCallbackParser.SOURCE), new SyncOutcome(SyncOutcome.Action.UNCHANGED, LINK, Map.of()));

        ServiceNowChangePlan plan = single("write-owner-values-to-servicenow").getMessage().getBody(ServiceNowChangePlan.class);
        assertThat(plan.toServiceNow()).containsEntry("short_description", "Checkout down for cards");
        assertThat(plan.toIncidentIo().name()).isNull();
    }

    @Test
    void aRefusedIncidentIoEditIsADeadLetterAndNothingIsWrittenBackOrRemembered() throws Exception {
        loads(sides(List.of(change("ops.person")), record(with(SYNCED, "state", "6"))));
        mock("apply-in-incident-io").whenAnyExchangeReceived(exchange -> {
            throw new PermanentFailure(FailureKind.TRANSITION_REFUSED, "incident.io refused the change: 422");
        });

        back(claim(ServiceNowCallbackParser.SOURCE), new SyncOutcome(SyncOutcome.Action.UNCHANGED, LINK, Map.of()));

        assertThat(ENDINGS).containsExactly("deadLetter: incident.io refused the change: 422");
        assertThat(mock("apply-in-incident-io").getReceivedCounter()).isEqualTo(1);
        assertThat(mock("write-owner-values-to-servicenow").getReceivedCounter()).isZero();
        assertThat(mock("remember-synced-values").getReceivedCounter()).isZero();
    }

    @Test
    void aTransientServiceNowFailureRetriesTheFailingStepAloneThenWaitsInTheInbox() throws Exception {
        loads(sides(List.of(change("ops.person")), record(with(SYNCED, "state", "6"))));
        mock("write-owner-values-to-servicenow").whenAnyExchangeReceived(exchange -> {
            throw new TransientFailure("ServiceNow answered 503");
        });

        back(claim(ServiceNowCallbackParser.SOURCE), new SyncOutcome(SyncOutcome.Action.UNCHANGED, LINK, Map.of()));

        assertThat(mock("write-owner-values-to-servicenow").getReceivedCounter()).as("tried, then redelivered once").isEqualTo(2);
        assertThat(mock("load-both-sides").getReceivedCounter()).as("not loaded again").isEqualTo(1);
        assertThat(mock("apply-in-incident-io").getReceivedCounter()).as("incident.io not edited again").isEqualTo(1);
        assertThat(mock("remember-synced-values").getReceivedCounter()).isZero();
        assertThat(ENDINGS).containsExactly("retryLater: ServiceNow answered 503");
    }

    @Test
    void aRateLimitedLoadWaitsInTheInboxAtOnce() throws Exception {
        mock("load-both-sides").whenAnyExchangeReceived(exchange -> {
            throw new RateLimitedFailure("ServiceNow answered 429", Duration.ofSeconds(30));
        });

        back(claim(ServiceNowCallbackParser.SOURCE), new SyncOutcome(SyncOutcome.Action.UNCHANGED, LINK, Map.of()));

        assertThat(mock("load-both-sides").getReceivedCounter()).isEqualTo(1);
        assertThat(mock("set-follow-up-statuses-in-incident-io").getReceivedCounter()).isZero();
        assertThat(ENDINGS).containsExactly("retryLater: ServiceNow answered 429");
    }

    // Both ways, one claim

    @Test
    void anIncidentIoChangeAloneSyncsForwardReportsAndIsDoneWithoutTheServiceNowRoute() throws Exception {
        Exchange result = bothWays(claim("incidentio"));

        assertThat(forward.getReceivedCounter()).isEqualTo(1);
        assertThat(mock("load-both-sides").getReceivedCounter()).isZero();
        assertThat(single("report-sync").getMessage().getBody()).isInstanceOf(SyncOutcome.class);
        assertThat(done.getReceivedCounter()).isEqualTo(1);
        assertThat(result.getMessage().getBody()).isInstanceOf(SyncOutcome.class);
    }

    @Test
    void aServiceNowChangeRunsTheServiceNowRouteAfterTheForwardOneAndReportsTheForwardOutcome() throws Exception {
        loads(sides(List.of(change("ops.person")), record(with(SYNCED, "state", "6"))));

        Exchange result = bothWays(claim(ServiceNowCallbackParser.SOURCE));

        assertThat(single("load-both-sides").getMessage().getBody()).isInstanceOf(SyncOutcome.class);
        assertThat(single("remember-synced-values").getMessage().getBody()).isInstanceOf(ServiceNowChangePlan.class);
        assertThat(single("report-sync").getMessage().getBody()).as("the forward outcome, not the plan").isInstanceOf(SyncOutcome.class);
        assertThat(done.getReceivedCounter()).isEqualTo(1);
        assertThat(result.getMessage().getBody()).isInstanceOf(SyncOutcome.class);
        assertThat(result.getVariable("serviceNowChanges")).isInstanceOf(ServiceNowChangePlan.class);
    }

    @Test
    void anOperatorsRequestOrAFieldHeldBackRunsTheServiceNowRouteToo() throws Exception {
        loads(sides(List.of(), record(SYNCED)));
        bothWays(claim(ClaimedIncident.OPERATOR));
        forwardWrites(new SyncOutcome(SyncOutcome.Action.UNCHANGED, LINK, Map.of(), true));
        bothWays(claim("incidentio"));

        assertThat(mock("load-both-sides").getReceivedCounter()).isEqualTo(2);
        assertThat(done.getReceivedCounter()).isEqualTo(2);
    }

    @Test
    void aSkippedIncidentStopsInTheForwardRouteAndNeitherRunsTheServiceNowRouteNorIsMarkedDone() throws Exception {
        // The forward route marks a skipped incident skipped itself, then stops the exchange.
        forward.whenAnyExchangeReceived(exchange -> exchange.setRouteStop(true));

        bothWays(claim(ServiceNowCallbackParser.SOURCE));

        assertThat(mock("load-both-sides").getReceivedCounter()).isZero();
        assertThat(report.getReceivedCounter()).isZero();
        assertThat(done.getReceivedCounter()).isZero();
    }

    @Test
    void aForwardFailureEndsInThePolicyAndTheServiceNowRouteDoesNotRun() throws Exception {
        forward.whenAnyExchangeReceived(exchange -> {
            throw new PermanentFailure(FailureKind.MAPPING, "template failed");
        });

        bothWays(claim(ServiceNowCallbackParser.SOURCE));

        assertThat(ENDINGS).containsExactly("deadLetter: template failed");
        assertThat(mock("load-both-sides").getReceivedCounter()).isZero();
        assertThat(done.getReceivedCounter()).isZero();
    }

    @Test
    void aFailureInTheServiceNowRouteEndsThereAndTheClaimIsNotMarkedDone() throws Exception {
        loads(sides(List.of(change("ops.person")), record(with(SYNCED, "state", "6"))));
        mock("apply-in-incident-io").whenAnyExchangeReceived(exchange -> {
            throw new PermanentFailure(FailureKind.TRANSITION_REFUSED, "incident.io refused the change: 422");
        });

        bothWays(claim(ServiceNowCallbackParser.SOURCE));

        assertThat(ENDINGS).containsExactly("deadLetter: incident.io refused the change: 422");
        assertThat(report.getReceivedCounter()).isZero();
        assertThat(done.getReceivedCounter()).isZero();
    }

    private Exchange back(ClaimedIncident claim, SyncOutcome outcome) {
        return producer.send("direct:servicenow-change-to-incident-io", exchange -> {
            exchange.setVariable(InboxOutcomes.CLAIM, claim);
            exchange.setVariable(MappedIncident.VARIABLE, mapped);
            exchange.getIn().setBody(outcome);
        });
    }

    private Exchange bothWays(ClaimedIncident claim) {
        return producer.send("direct:sync-claimed-incident-both-ways", exchange -> exchange.getIn().setBody(claim));
    }

    /** The forward route's stand-in: it keeps the mapped incident, as the real one does, and answers {@code outcome}. */
    private void forwardWrites(SyncOutcome outcome) {
        forward.whenAnyExchangeReceived(exchange -> {
            exchange.setVariable(MappedIncident.VARIABLE, mapped);
            exchange.getMessage().setBody(outcome);
        });
    }

    private void loads(BothSides sides) {
        mock("load-both-sides").whenAnyExchangeReceived(exchange -> exchange.getMessage().setBody(sides));
    }

    private MockEndpoint mock(String step) {
        return camel.getEndpoint("mock:" + step, MockEndpoint.class);
    }

    private Exchange single(String step) {
        List<Exchange> received = mock(step).getReceivedExchanges();
        assertThat(received).as(step).hasSize(1);
        return received.get(0);
    }

    private BothSides sides(List<BothSides.Change> changes, ServiceNowRecord record) {
        return new BothSides(mapped, LINK, false, false, changes, Optional.of(record), List.of(), Map.of());
    }

    private static BothSides.Change change(String by) {
        return new BothSides.Change(SYS_ID, by, "2026-11-29 10:00:00", LINK);
    }

    private static ServiceNowRecord record(Map<String, String> fields) {
        Map<String, String> record = new HashMap<>(fields);
        record.put("sys_id", SYS_ID);
        record.put("sys_updated_on", "2026-11-29 10:00:09");
        return new ServiceNowRecord("incident", record);
    }

    private JsonNode incident() {
        ObjectNode incident = json.createObjectNode().put("id", "01INC").put("reference", "INC-7").put("name", "Checkout down")
                .put("summary", "Cards fail").put("updated_at", EDITED.toString());
        incident.putObject("incident_status").put("category", "live");
        incident.putObject("severity").put("name", "Major");
        return incident;
    }

    private static ClaimedIncident claim(String source) {
        return new ClaimedIncident("01INC", List.of(new StoredEvent(1, source, "d-1", "change", "01INC", "{}", 0,
                OffsetDateTime.now())));
    }

    private static Map<String, String> with(Map<String, String> fields, String name, String value) {
        Map<String, String> copy = new HashMap<>(fields);
        copy.put(name, value);
        return copy;
    }
}
