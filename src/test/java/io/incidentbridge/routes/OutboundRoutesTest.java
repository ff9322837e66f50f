package io.incidentbridge.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentbridge.TestSettings;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.errors.BridgeErrorPolicy;
import io.incidentbridge.errors.PermanentFailure;
import io.incidentbridge.errors.RateLimitedFailure;
import io.incidentbridge.errors.TransientFailure;
import io.incidentbridge.incidentio.IncidentIoAnswers;
import io.incidentbridge.incidentio.IncidentIoClient;
import io.incidentbridge.incidentio.IncidentIoHttp;
import io.incidentbridge.servicenow.ServiceNowAuthorisation;
import io.incidentbridge.servicenow.ServiceNowCalls;
import io.incidentbridge.servicenow.ServiceNowColumns;
import io.incidentbridge.servicenow.ServiceNowHttp;
import io.incidentbridge.servicenow.ServiceNowOAuthProcessor;
import io.incidentbridge.servicenow.ServiceNowTableClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The outbound routes on their own: the http endpoints are replaced by mocks (AdviceWith on the step ids), so each
 * test says what ServiceNow or incident.io answers and checks what reached the wire and what the caller gets.
 */
@CamelSpringBootTest
@UseAdviceWith
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@SpringBootTest(classes = OutboundRoutesTest.OutboundCalls.class, properties = {
        "camel.main.routes-include-pattern=file:routes/servicenow-api.camel.yaml,file:routes/incident-io-api.camel.yaml",
        "camel.main.name=outbound-routes-test"})
class OutboundRoutesTest {
    static final String PASSWORD = "pw-never-on-the-wire-unasked";
    static final String CLIENT_SECRET = "client-secret-0123";
    static final String API_KEY = "iio-key-0123";

    @Configuration
    @ImportAutoConfiguration(CamelAutoConfiguration.class)
    @Import({ServiceNowHttp.class, ServiceNowAuthorisation.class, ServiceNowOAuthProcessor.class, ServiceNowCalls.class,
            ServiceNowTableClient.class, ServiceNowColumns.class, IncidentIoHttp.class, IncidentIoAnswers.class,
            IncidentIoClient.class, BridgeErrorPolicy.class, RouteTestBeans.class})
    static class OutboundCalls {
        @Bean
        BridgeProperties bridgeProperties() {
            return TestSettings.load(Map.of(
                    "bridge.servicenow.instance-url", "https://acme.service-now.com",
                    "bridge.servicenow.client-id", "bridge-client",
                    "bridge.servicenow.client-secret", CLIENT_SECRET,
                    "bridge.servicenow.username", "bridge.user",
                    "bridge.servicenow.password", PASSWORD,
                    "bridge.incidentio.api-key", API_KEY));
        }
    }

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    ServiceNowTableClient serviceNow;
    @Autowired
    IncidentIoClient incidentIo;

    private MockEndpoint instance;
    private MockEndpoint tokens;
    private MockEndpoint incidentIoApi;
    private final Deque<int[]> tableStatuses = new ArrayDeque<>();
    private int grants;
    private final java.util.List<String> grantForms = new java.util.ArrayList<>();
    private final java.util.List<String> tableBodies = new java.util.ArrayList<>();

    @BeforeEach
    void replaceTheHttpEndpointsWithMocks() throws Exception {
        AdviceWith.adviceWith(camel, "servicenow-table-api-call",
                route -> route.weaveById("call-servicenow-instance").replace().to("mock:servicenow-instance"));
        AdviceWith.adviceWith(camel, "servicenow-token-request",
                route -> route.weaveById("request-servicenow-token").replace().to("mock:servicenow-token"));
        AdviceWith.adviceWith(camel, "incident-io-api-call",
                route -> route.weaveById("call-incident-io-api").replace().to("mock:incident-io-api"));
        camel.start();
        instance = camel.getEndpoint("mock:servicenow-instance", MockEndpoint.class);
        tokens = camel.getEndpoint("mock:servicenow-token", MockEndpoint.class);
        incidentIoApi = camel.getEndpoint("mock:incident-io-api", MockEndpoint.class);
        tokens.whenAnyExchangeReceived(exchange -> {
            grantForms.add(exchange.getMessage().getBody(String.class));
            answer(exchange, 200, "{\"access_token\":\"access-" + (++grants) + "\",\"refresh_token\":\"refresh-" + grants
                    + "\",\"expires_in\":1800}");
        });
        instance.whenAnyExchangeReceived(exchange -> {
            tableBodies.add(exchange.getMessage().getBody(String.class));
            int[] status = tableStatuses.isEmpty() ? new int[] {200} : tableStatuses.poll();
            answer(exchange, status[0], status[0] == 200 ? "{\"result\":{\"sys_id\":\"abc\",\"state\":\"2\"}}"
                    : "{\"error\":{\"message\":\"No\",\"detail\":null},\"status\":\"failure\"}");
            if (status[0] == 429) {
                exchange.getMessage().setHeader("Retry-After", "7");
            }
        });
    }

    @Test
    void aTableApiCallCarriesTheBearerTokenPathAndQueryAndNothingElse() {
        serviceNow.update("incident", "abc", Map.of("state", "2"));

        assertThat(tokens.getReceivedExchanges()).hasSize(1);
        assertThat(tokens.getReceivedExchanges().get(0).getMessage().getHeader(Exchange.HTTP_PATH)).isEqualTo("/oauth_token.do");
        assertThat(grantForms).singleElement().satisfies(form -> assertThat(form).contains("grant_type=password")
                .contains("client_id=bridge-client").contains("password=" + PASSWORD));

        assertThat(instance.getReceivedExchanges()).hasSize(1);
        Map<String, Object> headers = instance.getReceivedExchanges().get(0).getMessage().getHeaders();
        assertThat(headers).containsEntry("Authorization", "Bearer access-1")
                .containsEntry(Exchange.HTTP_METHOD, "PATCH")
                .containsEntry(Exchange.HTTP_PATH, "/api/now/table/incident/abc")
                .containsEntry(Exchange.HTTP_QUERY, "sysparm_exclude_reference_link=true");
        assertThat(headers.keySet()).allMatch(name -> name.equals("Authorization") || name.equals("Accept")
                || name.equals(Exchange.CONTENT_TYPE) || name.startsWith("CamelHttp"));
        assertThat(tableBodies).containsExactly("{\"state\":\"2\"}");
    }

    @Test
    void headersOfTheCallerAreScrubbedBeforeTheEndpoint() {
        producer.send("direct:servicenow-table-api", exchange -> {
            exchange.getIn().setHeader(Exchange.HTTP_METHOD, "GET");
            exchange.getIn().setHeader(Exchange.HTTP_PATH, "/api/now/table/incident/abc");
            exchange.getIn().setHeader("X-Internal-Incident-Key", "01INC");
            exchange.getIn().setHeader("CamelHttpUri", "http://elsewhere.example");
        });
        Map<String, Object> headers = instance.getReceivedExchanges().get(0).getMessage().getHeaders();
        assertThat(headers).doesNotContainKey("X-Internal-Incident-Key").doesNotContainKey("CamelHttpUri");
    }

    @Test
    void aRevokedTokenIsDroppedOnceAndTheCallReplayedWithANewOne() {
        tableStatuses.add(new int[] {401});

        assertThat(serviceNow.get("incident", "abc")).isPresent();

        assertThat(tokens.getReceivedExchanges()).hasSize(2);
        assertThat(instance.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader("Authorization"))
                .containsExactly("Bearer access-1", "Bearer access-2");
    }

    @Test
    void aSecond401IsTransientAndNotLoopedOn() {
        tableStatuses.add(new int[] {401});
        tableStatuses.add(new int[] {401});
        tableStatuses.add(new int[] {401});

        assertThatThrownBy(() -> serviceNow.update("incident", "abc", Map.of("state", "2")))
                .isInstanceOf(TransientFailure.class).hasMessageContaining("401");
        assertThat(instance.getReceivedExchanges()).hasSize(2);
    }

    @Test
    void statusesBecomeTheirFailureTypes() {
        tableStatuses.add(new int[] {429});
        assertThatThrownBy(() -> serviceNow.update("incident", "abc", Map.of()))
                .isInstanceOfSatisfying(RateLimitedFailure.class, f -> assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
        tableStatuses.add(new int[] {503});
        assertThatThrownBy(() -> serviceNow.update("incident", "abc", Map.of())).isInstanceOf(TransientFailure.class);
        tableStatuses.add(new int[] {403});
        assertThatThrownBy(() -> serviceNow.update("incident", "abc", Map.of()))
                .isInstanceOfSatisfying(PermanentFailure.class, f -> assertThat(f.label()).isEqualTo("http-403"));
        tableStatuses.add(new int[] {404});
        assertThat(serviceNow.get("incident", "gone")).isEmpty();
    }

    @Test
    void anIoErrorAtTheEndpointIsTransient() {
        instance.whenAnyExchangeReceived(exchange -> {
            throw new IOException("Connection reset");
        });
        assertThatThrownBy(() -> serviceNow.update("incident", "abc", Map.of()))
                .isInstanceOf(TransientFailure.class).hasMessageContaining("PATCH incident");
    }

    @Test
    void incidentIoCallsCarryTheApiKeyAndA429BodySaysWhenToComeBack() {
        incidentIoApi.whenAnyExchangeReceived(exchange -> answer(exchange, 200, "{\"incident\":{\"id\":\"01INC\"}}"));
        assertThat(incidentIo.incident("01INC").path("id").asText()).isEqualTo("01INC");
        Map<String, Object> headers = incidentIoApi.getReceivedExchanges().get(0).getMessage().getHeaders();
        assertThat(headers).containsEntry("Authorization", "Bearer " + API_KEY)
                .containsEntry(Exchange.HTTP_PATH, "/v2/incidents/01INC").containsEntry(Exchange.HTTP_METHOD, "GET");

        incidentIoApi.whenAnyExchangeReceived(exchange -> answer(exchange, 429,
                "{\"type\":\"too_many_requests\",\"status\":429,\"rate_limit\":{\"retry_after\":\"Thu, 01 Jan 2099 00:00:00 UTC\"}}"));
        assertThatThrownBy(() -> incidentIo.incident("01INC"))
                .isInstanceOfSatisfying(RateLimitedFailure.class, f -> assertThat(f.retryAfter()).isGreaterThan(Duration.ofDays(1)));
    }

    private static void answer(Exchange exchange, int status, String body) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setBody(body);
    }
}
