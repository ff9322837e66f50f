package io.incidentbridge.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.TestSettings;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.emulator.incidentio.WebhookSender;
import io.incidentbridge.errors.BridgeErrorPolicy;
import io.incidentbridge.inbox.InboundEvent;
import io.incidentbridge.inbox.StoreResult;
import io.incidentbridge.incidentio.IncidentIoEventParser;
import io.incidentbridge.incidentio.IncidentIoEvents;
import io.incidentbridge.incidentio.IncidentIoSignatures;
import io.incidentbridge.webhooks.WebhookAnswers;
import io.incidentbridge.webhooks.WebhookBodies;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
 * The incident.io webhook route on its own: platform-http becomes a direct endpoint and the inbox store a mock
 * (AdviceWith on the step ids), so each test checks what reaches the store and what the sender is answered.
 * Every refusal is answered and stores nothing.
 */
@CamelSpringBootTest
@UseAdviceWith
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@SpringBootTest(classes = IncidentIoWebhookRouteTest.WebhookEdge.class, properties = {
        "camel.main.routes-include-pattern=file:routes/incident-io-webhook.camel.yaml",
        "camel.main.name=incident-io-webhook-route-test"})
class IncidentIoWebhookRouteTest {
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Configuration
    @ImportAutoConfiguration(CamelAutoConfiguration.class)
    @Import({BridgeErrorPolicy.class, RouteTestBeans.class})
    static class WebhookEdge {
        @Bean
        WebhookBodies webhookBodies(BridgeProperties properties) {
            return new WebhookBodies(properties);
        }

        @Bean
        IncidentIoSignatures incidentIoSignatures(BridgeProperties properties, Clock clock) {
            return new IncidentIoSignatures(properties, clock);
        }

        @Bean
        IncidentIoEvents incidentIoEvents(ObjectMapper json) {
            return new IncidentIoEvents(new IncidentIoEventParser(json));
        }

        @Bean
        WebhookAnswers webhookAnswers(MeterRegistry meters, Clock clock) {
            return new WebhookAnswers(meters, clock);
        }

        @Bean
        BridgeProperties bridgeProperties() {
            return TestSettings.load(Map.of("bridge.servicenow.instance-url", "https://acme.service-now.com",
                    "bridge.webhooks.incident-io-secret", SECRET));
        }
    }

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;

    private MockEndpoint inbox;

    @BeforeEach
    void receiveOnADirectEndpointAndStoreInAMock() throws Exception {
        AdviceWith.adviceWith(camel, "incident-io-webhook-receive", route -> {
            route.replaceFromWith("direct:incident-io-webhook");
            route.weaveById("store-in-inbox").replace().to("mock:inbox");
        });
        camel.start();
        inbox = camel.getEndpoint("mock:inbox", MockEndpoint.class);
        inbox.whenAnyExchangeReceived(exchange -> exchange.getMessage().setBody(StoreResult.STORED));
    }

    @Test
    void aSignedIncidentUpdateReachesTheStoreParsedAndIsAnswered202() {
        String body = incidentUpdated("01INC");
        Exchange answer = post(body, signed("msg_1", body));

        assertThat(inbox.getReceivedExchanges()).singleElement().satisfies(stored -> {
            Optional<?> event = stored.getMessage().getBody(Optional.class);
            assertThat(event).get().isInstanceOfSatisfying(InboundEvent.class, e -> {
                assertThat(e.deliveryId()).isEqualTo("msg_1");
                assertThat(e.incidentKey()).isEqualTo("01INC");
                assertThat(e.eventType()).isEqualTo("public_incident.incident_updated_v2");
            });
        });
        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(202);
        assertThat(answer.getMessage().getBody(String.class)).isEqualTo("{\"status\":\"stored\"}");
    }

    @Test
    void anUnsignedWebhookIsAnswered401AndNothingIsStored() {
        Exchange answer = post(incidentUpdated("01INC"), Map.of("webhook-id", "msg_2"));

        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(401);
        assertThat(answer.getMessage().getBody(String.class)).contains("missing").doesNotContain("Exception");
        assertThat(inbox.getReceivedExchanges()).isEmpty();
    }

    @Test
    void aWebhookSignedWithAnotherSecretIsAnswered401AndNothingIsStored() {
        String body = incidentUpdated("01INC");
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> headers = new HashMap<>(Map.of("webhook-id", "msg_3", "webhook-timestamp", Long.toString(now),
                "webhook-signature", WebhookSender.sign("whsec_b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldA==", "msg_3", now, body)));
        Exchange answer = post(body, headers);

        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(401);
        assertThat(inbox.getReceivedExchanges()).isEmpty();
    }

    @Test
    void aSignedBodyThatIsNotJsonIsAnswered400AndNothingIsStored() {
        String body = "{not json";
        Exchange answer = post(body, signed("msg_4", body));

        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(400);
        assertThat(answer.getMessage().getBody(String.class)).doesNotContain("Exception");
        assertThat(inbox.getReceivedExchanges()).isEmpty();
    }

    @Test
    void aStoreThatFailsIsAnswered503SoTheSenderDeliversAgain() {
        inbox.whenAnyExchangeReceived(exchange -> {
            throw new org.springframework.dao.DataAccessResourceFailureException("database down");
        });
        String body = incidentUpdated("01INC");
        Exchange answer = post(body, signed("msg_5", body));

        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(503);
        assertThat(answer.getMessage().getBody(String.class)).doesNotContain("database down");
    }

    private Exchange post(String body, Map<String, Object> headers) {
        return producer.send("direct:incident-io-webhook", exchange -> {
            exchange.getIn().setHeaders(new HashMap<>(headers));
            exchange.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
            exchange.getIn().setBody(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        });
    }

    private static Map<String, Object> signed(String id, String body) {
        long now = System.currentTimeMillis() / 1000;
        return Map.of("webhook-id", id, "webhook-timestamp", Long.toString(now),
                "webhook-signature", WebhookSender.sign(SECRET, id, now, body));
    }

    private static String incidentUpdated(String id) {
        return "{\"event_type\":\"public_incident.incident_updated_v2\",\"public_incident.incident_updated_v2\":"
                + "{\"id\":\"" + id + "\",\"name\":\"Checkout down\",\"incident_status\":{\"category\":\"active\"},\"updated_at\":\"2026-12-04T10:00:00Z\"}}";
    }
}
