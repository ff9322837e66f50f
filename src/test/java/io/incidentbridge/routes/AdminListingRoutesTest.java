package io.incidentbridge.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.TestSettings;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.config.ReplicaName;
import io.incidentbridge.errors.BridgeErrorPolicy;
import io.incidentbridge.inbox.DeadLetter;
import io.incidentbridge.inbox.DeadLetterFilter;
import io.incidentbridge.inbox.DeadLetterRepository;
import io.incidentbridge.ops.AdminAnswers;
import io.incidentbridge.ops.DeadLetterListing;
import io.incidentbridge.ops.ReconciliationRunListing;
import io.incidentbridge.reconcile.ReconciliationCounts;
import io.incidentbridge.reconcile.ReconciliationRun;
import io.incidentbridge.reconcile.ReconciliationRuns;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
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
 * The admin listings (routes/admin-listings.camel.yaml) on H2, or PostgreSQL in the {@code postgres} pass: each answers,
 * as the application's JSON, exactly what the repositories read from the same rows (the API's answer before the
 * listings became sql: steps), whichever way the database labels its columns and returns its times. A mock woven
 * before each query step shows the parameters the query is given.
 */
@CamelSpringBootTest
@UseAdviceWith
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@SpringBootTest(classes = AdminListingRoutesTest.Listings.class, properties = {
        "camel.main.routes-include-pattern=file:routes/admin-listings.camel.yaml",
        "camel.main.name=admin-listing-routes-test"})
class AdminListingRoutesTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 4, 9, 15, 2, 123_456_000, ZoneOffset.UTC);

    @Configuration
    @ImportAutoConfiguration({CamelAutoConfiguration.class, DataSourceAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class, JacksonAutoConfiguration.class})
    @Import(BridgeErrorPolicy.class)
    static class Listings {
        @Bean
        DeadLetterListing deadLetterListing() {
            return new DeadLetterListing();
        }

        @Bean
        ReconciliationRunListing reconciliationRunListing() {
            return new ReconciliationRunListing();
        }

        @Bean
        AdminAnswers adminAnswers() {
            return new AdminAnswers();
        }

        @Bean
        BridgeProperties bridgeProperties() {
            return TestSettings.load(Map.of("bridge.servicenow.instance-url", "https://acme.service-now.com"));
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        DeadLetterRepository deadLetterRepository(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
            return new DeadLetterRepository(jdbc, json, clock);
        }

        @Bean
        ReconciliationRuns reconciliationRuns(JdbcTemplate jdbc, Clock clock) {
            return new ReconciliationRuns(jdbc, clock, new ReplicaName());
        }
    }

    @DynamicPropertySource
    static void aDatabaseOfItsOwn(DynamicPropertyRegistry registry) {
        RouteTestBeans.aDatabaseOfItsOwn(registry, "admin-listing-routes-test");
    }

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    DeadLetterRepository deadLetters;
    @Autowired
    ReconciliationRuns runs;

    private MockEndpoint deadLetterQuery;
    private MockEndpoint runQuery;

    @BeforeEach
    void watchWhatEachQueryIsGiven() throws Exception {
        AdviceWith.adviceWith(camel, "admin-lists-dead-letters",
                route -> route.weaveById("query-dead-letters").before().to("mock:dead-letter-query"));
        AdviceWith.adviceWith(camel, "admin-lists-reconciliation-runs",
                route -> route.weaveById("query-reconciliation-runs").before().to("mock:reconciliation-run-query"));
        camel.start();
        deadLetterQuery = camel.getEndpoint("mock:dead-letter-query", MockEndpoint.class);
        runQuery = camel.getEndpoint("mock:reconciliation-run-query", MockEndpoint.class);
    }

    @Test
    void everyDeadLetterIsListedNewestFirstAsTheStoreReadsIt() throws Exception {
        long first = deadLetter("incident.io", "01INC", "http-403", "PermanentFailure: ServiceNow answered 403", "OPEN", T0);
        long second = deadLetter("servicenow", "0123abcd", "mapping", "PermanentFailure: line 3", "DISCARDED", T0.plusMinutes(5));

        Exchange listed = list(Map.of());

        assertThat(listed.getException()).isNull();
        List<?> answer = listed.getMessage().getBody(List.class);
        assertThat(answer).extracting(letter -> ((DeadLetter) letter).id()).containsExactly(second, first);
        DeadLetter newest = (DeadLetter) answer.get(0);
        assertThat(newest.source()).isEqualTo("servicenow");
        assertThat(newest.incidentKey()).isEqualTo("0123abcd");
        assertThat(newest.eventTypes()).isEqualTo("public_incident.incident_updated_v2");
        assertThat(newest.originalEvents()).isEqualTo("[{\"delivery_id\":\"msg_" + second + "\"}]");
        assertThat(newest.errorKind()).isEqualTo("mapping");
        assertThat(newest.attempts()).isEqualTo(2);
        assertThat(newest.createdAt().toInstant()).isEqualTo(T0.plusMinutes(5).plusSeconds(1).toInstant());
        assertThat(newest.firstReceivedAt().toInstant()).isEqualTo(T0.plusMinutes(5).toInstant());
        assertThat(newest.status()).isEqualTo("DISCARDED");
        assertThat(json.writeValueAsString(answer))
                .isEqualTo(json.writeValueAsString(deadLetters.matching(DeadLetterFilter.of(null, null, null, null, null), 500)));
        assertThat(json.writeValueAsString(answer)).contains("\"createdAt\":\"2026-12-04T09:20:03.123456Z\"");
    }

    @Test
    void eachFilterNarrowsTheListingAsTheStoreDoes() throws Exception {
        long open403 = deadLetter("incident.io", "01INC", "http-403", "PermanentFailure: answered 403", "OPEN", T0);
        long openMapping = deadLetter("incident.io", "01INC", "mapping", "50%_off is not a state", "OPEN", T0.plusMinutes(1));
        long replayed = deadLetter("incident.io", "01OTHER", "http-403", "PermanentFailure: answered 403", "REPLAYED",
                T0.plusMinutes(2));
        deadLetter("incident.io", "01OTHER", "gave-up", "50 of them off", "OPEN", T0.plusMinutes(3));

        assertListed(Map.of("status", "OPEN", "kind", "http-403"), open403);
        assertListed(Map.of("incident", "01INC"), openMapping, open403);
        assertListed(Map.of("kind", "http-403"), replayed, open403);
        // % and _ are the operator's text, not wildcards.
        assertListed(Map.of("error", "50%_off"), openMapping);
        assertListed(Map.of("since", "2026-12-04T09:17:03Z"), replayed + 1, replayed);
        assertListed(Map.of("status", "", "kind", " "), replayed + 1, replayed, openMapping, open403);

        assertThat(deadLetterQuery.getReceivedExchanges()).last().satisfies(query ->
                assertThat(query.getMessage().getBody(Map.class)).containsEntry("status", null).containsEntry("kind", null)
                        .containsEntry("limit", DeadLetterListing.LIMIT));
    }

    @Test
    void aListingIsBoundedToTheNewestFiveHundred() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < DeadLetterListing.LIMIT + 2; i++) {
            rows.add(new Object[] {"incident.io", "01MANY", "x", "[]", "http-400", "answered 400", 1, T0, T0.plusSeconds(i), "OPEN"});
        }
        jdbc.batchUpdate("INSERT INTO dead_letter (source, incident_key, event_types, original_events, error_kind, error_message,"
                + " attempts, first_received_at, created_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);

        List<?> answer = list(Map.of("incident", "01MANY")).getMessage().getBody(List.class);

        assertThat(answer).hasSize(DeadLetterListing.LIMIT);
        Long newest = jdbc.queryForObject("SELECT MAX(id) FROM dead_letter", Long.class);
        assertThat(((DeadLetter) answer.get(0)).id()).isEqualTo(newest);
    }

    @Test
    void aSinceThatIsNotATimeIsABadRequestAndNothingIsQueried() {
        Exchange listed = list(Map.of("since", "yesterday"));

        assertThat(listed.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(400);
        assertThat(listed.getMessage().getBody(Map.class)).containsEntry("error",
                "since must be an RFC 3339 timestamp, e.g. 2026-11-29T10:00:00Z");
        assertThat(deadLetterQuery.getReceivedExchanges()).isEmpty();
    }

    @Test
    void theTwentyMostRecentRunsAreListedAsTheRunLogReadsThem() throws Exception {
        for (int i = 0; i < ReconciliationRunListing.LIMIT + 1; i++) {
            long id = runs.start(i % 2 == 0, i % 3 == 0, i == 0 ? null : "2026-12-04T09:10:00Z");
            runs.finish(id, new ReconciliationCounts(), "DONE", "INC-" + i + ": repaired state");
            jdbc.update("UPDATE reconciliation_run SET checked = ?, repaired = 2, failed = ? WHERE id = ?", 10 + i, i % 4 == 0 ? 1 : 0, id);
        }
        long running = runs.start(false, true, null);

        Exchange listed = producer.send("direct:admin-list-reconciliation-runs", exchange -> { });

        List<?> answer = listed.getMessage().getBody(List.class);
        assertThat(answer).hasSize(ReconciliationRunListing.LIMIT);
        ReconciliationRun newest = (ReconciliationRun) answer.get(0);
        assertThat(newest.id()).isEqualTo(running);
        assertThat(newest.status()).isEqualTo("RUNNING");
        assertThat(newest.finishedAt()).isEqualTo("null");
        assertThat(newest.durationMillis()).isZero();
        assertThat(newest.fullScan()).isTrue();
        ReconciliationRun done = (ReconciliationRun) answer.get(1);
        assertThat(done.checked()).isEqualTo(10 + ReconciliationRunListing.LIMIT);
        assertThat(done.details()).isEqualTo("INC-20: repaired state");
        assertThat(done.replica()).isEqualTo(new ReplicaName().value());
        assertThat(json.writeValueAsString(answer)).isEqualTo(json.writeValueAsString(runs.recent(ReconciliationRunListing.LIMIT)));
        assertThat(runQuery.getReceivedExchanges()).singleElement()
                .satisfies(query -> assertThat(query.getMessage().getBody(Map.class)).containsEntry("limit", 20));
    }

    private void assertListed(Map<String, String> filter, long... ids) throws Exception {
        List<?> answer = list(filter).getMessage().getBody(List.class);
        assertThat(answer).as("listed with " + filter).extracting(letter -> ((DeadLetter) letter).id())
                .containsExactly(java.util.Arrays.stream(ids).boxed().toArray(Long[]::new));
        DeadLetterFilter asTheStoreReadsIt = DeadLetterFilter.of(filter.get("status"), filter.get("kind"), filter.get("incident"),
                filter.get("error"), filter.get("since"));
        assertThat(json.writeValueAsString(answer)).isEqualTo(json.writeValueAsString(deadLetters.matching(asTheStoreReadsIt, 500)));
    }

    private Exchange list(Map<String, String> filter) {
        return producer.send("direct:admin-list-dead-letters", exchange -> exchange.getIn().setHeaders(new HashMap<>(filter)));
    }

    private long deadLetter(String source, String incident, String kind, String error, String status, OffsetDateTime received) {
        jdbc.update("INSERT INTO dead_letter (source, incident_key, event_types, original_events, error_kind, error_message,"
                        + " attempts, first_received_at, created_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                source, incident, "public_incident.incident_updated_v2", "[]", kind, error, 2, received, received.plusSeconds(1),
                status);
        long id = jdbc.queryForObject("SELECT MAX(id) FROM dead_letter", Long.class);
        jdbc.update("UPDATE dead_letter SET original_events = ? WHERE id = ?", "[{\"delivery_id\":\"msg_" + id + "\"}]", id);
        return id;
    }
}
