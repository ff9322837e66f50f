package io.incidentbridge.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.TestSettings;
import io.incidentbridge.backsync.CallbackMessages;
import io.incidentbridge.backsync.ServiceNowCallbackParser;
import io.incidentbridge.backsync.ServiceNowCallbackVerifier;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.errors.BridgeErrorPolicy;
import io.incidentbridge.inbox.InboundEvent;
import io.incidentbridge.inbox.StoreResult;
import io.incidentbridge.sync.RecordLink;
import io.incidentbridge.sync.RecordLinkRepository;
import io.incidentbridge.webhooks.WebhookAnswers;
import io.incidentbridge.webhooks.WebhookBodies;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The ServiceNow callback route on its own: platform-http becomes a direct endpoint and the inbox store a mock
 * (AdviceWith on the step ids). The verifier's replay log and the record links live in an in-memory H2 database.
 */
@CamelSpringBootTest
@UseAdviceWith
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@SpringBootTest(classes = ServiceNowCallbackRouteTest.CallbackEdge.class, properties = {
        "camel.main.routes-include-pattern=file:routes/servicenow-callback.camel.yaml",
        "camel.main.name=servicenow-callback-route-test",
        "spring.datasource.url=jdbc:h2:mem:servicenow-callback-route-test;DB_CLOSE_DELAY=-1"})
class ServiceNowCallbackRouteTest {
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String SYS_ID = "0123456789abcdef0123456789abcdef";

    @Configuration
    @ImportAutoConfiguration({CamelAutoConfiguration.class, DataSourceAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class})
    @Import({BridgeErrorPolicy.class, RouteTestBeans.class})
    static class CallbackEdge {
        @Bean
        BridgeProperties bridgeProperties() {
            return TestSettings.load(Map.of("bridge.servicenow.instance-url", "https://acme.service-now.com",
                    "bridge.webhooks.service-now-callback-secret", SECRET));
        }

        @Bean
        RecordLinkRepository recordLinks(JdbcTemplate jdbc, ObjectMapper json) {
            return new RecordLinkRepository(jdbc, json);
        }

        @Bean
        WebhookBodies webhookBodies(BridgeProperties properties) {
            return new WebhookBodies(properties);
        }

        @Bean
        ServiceNowCallbackVerifier serviceNowCallbackVerifier(BridgeProperties properties, Clock clock, JdbcTemplate jdbc) {
            return new ServiceNowCallbackVerifier(properties, clock, new CallbackMessages(jdbc, clock));
        }

        @Bean
        ServiceNowCallbackParser serviceNowCallbackParser(ObjectMapper json, RecordLinkRepository links) {
            return new ServiceNowCallbackParser(json, links);
        }

        @Bean
        WebhookAnswers webhookAnswers(MeterRegistry meters, Clock clock) {
            return new WebhookAnswers(meters, clock);
        }
    }

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    RecordLinkRepository links;

    private MockEndpoint inbox;

    @BeforeEach
    void receiveOnADirectEndpointAndStoreInAMock() throws Exception {
        AdviceWith.adviceWith(camel, "servicenow-callback-receive", route -> {
            route.replaceFromWith("direct:servicenow-callback");
            route.weaveById("store-callback-in-inbox").replace().to("mock:inbox");
        });
        camel.start();
        inbox = camel.getEndpoint("mock:inbox", MockEndpoint.class);
        inbox.whenAnyExchangeReceived(exchange -> exchange.getMessage().setBody(StoreResult.STORED));
    }

    @Test
    void aSignedCallbackForALinkedRecordReachesTheStoreUnderItsIncident() {
        links.save(new RecordLink(RecordLink.Kind.INCIDENT, "01INC", null, "01INC", "incident", SYS_ID, "INC0010001",
                Map.of(), OffsetDateTime.now(), OffsetDateTime.now(), false));
        String body = callback("4");
        Exchange answer = post(body, signed(body));

        assertThat(inbox.getReceivedExchanges()).singleElement().satisfies(stored -> {
            Optional<?> event = stored.getMessage().getBody(Optional.class);
            assertThat(event).get().isInstanceOfSatisfying(InboundEvent.class, e -> {
                assertThat(e.incidentKey()).isEqualTo("01INC");
                assertThat(e.deliveryId()).isEqualTo(SYS_ID + ":4");
            });
        });
        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(202);
    }

    @Test
    void anUnsignedCallbackIsAnswered401AndNothingIsStored() {
        Exchange answer = post(callback("4"), Map.of());

        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(401);
        assertThat(answer.getMessage().getBody(String.class)).doesNotContain("Exception");
        assertThat(inbox.getReceivedExchanges()).isEmpty();
    }

    @Test
    void aSignedCallbackWithABadSysModCountIsAnswered400AndNothingIsStored() {
        String body = callback("four");
        Exchange answer = post(body, signed(body));

        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(400);
        assertThat(answer.getMessage().getBody(String.class)).contains("sys_mod_count");
        assertThat(inbox.getReceivedExchanges()).isEmpty();
    }

    @Test
    void aReplayedCallbackIsRefusedAndStoredOnce() {
        String body = callback("5");
        Map<String, Object> headers = signed(body);
        post(body, headers);
        Exchange again = post(body, headers);

        assertThat((Integer) again.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isBetween(400, 499);
        assertThat(inbox.getReceivedExchanges()).hasSize(1);
    }

    private Exchange post(String body, Map<String, Object> headers) {
        return producer.send("direct:servicenow-callback", exchange -> {
            exchange.getIn().setHeaders(new HashMap<>(headers));
            exchange.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
            exchange.getIn().setBody(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        });
    }

    private static String callback(String modCount) {
        return "{\"table\":\"incident\",\"sys_id\":\"" + SYS_ID + "\",\"number\":\"INC0010001\","
                + "\"sys_updated_on\":\"2026-12-04 10:00:00\",\"sys_updated_by\":\"ops.person\",\"sys_mod_count\":\""
                + modCount + "\",\"values\":{\"state\":\"2\"},\"journal\":[]}";
    }

    private static Map<String, Object> signed(String body) {
        String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
            byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Map.of(ServiceNowCallbackVerifier.ID_HEADER, id, ServiceNowCallbackVerifier.TIMESTAMP_HEADER, timestamp,
                    ServiceNowCallbackVerifier.SIGNATURE_HEADER, "v1," + Base64.getEncoder().encodeToString(signature));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
