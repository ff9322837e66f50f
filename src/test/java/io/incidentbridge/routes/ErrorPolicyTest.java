package io.incidentbridge.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentbridge.TestSettings;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.errors.BridgeErrorPolicy;
import io.incidentbridge.errors.FailureKind;
import io.incidentbridge.errors.NotFound;
import io.incidentbridge.errors.PermanentFailure;
import io.incidentbridge.errors.RateLimitedFailure;
import io.incidentbridge.errors.TransientFailure;
import io.incidentbridge.webhooks.WebhookRejected;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * One test per rule of {@link BridgeErrorPolicy}: a route on each route configuration throws one exception class, and
 * the test checks how often it was tried and where the exchange ended (retry later, dead letter, an answer, the caller).
 * The beans the policy ends in are stand-ins that record what reached them.
 */
@CamelSpringBootTest
@SpringBootTest(classes = ErrorPolicyTest.Policy.class, properties = {
        "camel.main.routes-include-pattern=file:routes/none-on-purpose-*.camel.yaml", "camel.main.name=error-policy-test"})
class ErrorPolicyTest {
    static final List<String> ENDINGS = new CopyOnWriteArrayList<>();
    static final AtomicInteger ATTEMPTS = new AtomicInteger();

    /** Records where an exchange ended, and the body it ended with. */
    public static class Ending {
        private final String name;

        Ending(String name) {
            this.name = name;
        }

        public void retryLater(Exchange exchange) {
            ENDINGS.add(name + ".retryLater:" + exchange.getMessage().getBody(String.class));
        }

        public void deadLetter(Exchange exchange) {
            ENDINGS.add(name + ".deadLetter:" + exchange.getMessage().getBody(String.class));
        }

        public void rejected(Exchange exchange) {
            ENDINGS.add(name + ".rejected");
        }

        public void unavailable(Exchange exchange) {
            ENDINGS.add(name + ".unavailable");
        }

        public void notFound(Exchange exchange) {
            ENDINGS.add(name + ".notFound");
        }

        public void badRequest(Exchange exchange) {
            ENDINGS.add(name + ".badRequest");
        }

        public void conflict(Exchange exchange) {
            ENDINGS.add(name + ".conflict");
        }

        public void failed(Exchange exchange) {
            ENDINGS.add(name + ".failed");
        }

        public void invalidMapping(Exchange exchange) {
            ENDINGS.add(name + ".invalidMapping");
        }

        public void staleMapping(Exchange exchange) {
            ENDINGS.add(name + ".staleMapping");
        }

        public void malformed(Exchange exchange) {
            ENDINGS.add(name + ".malformed");
        }
    }

    @Configuration
    @ImportAutoConfiguration(CamelAutoConfiguration.class)
    @Import(BridgeErrorPolicy.class)
    static class Policy {
        @Bean
        BridgeProperties bridgeProperties() {
            return TestSettings.load(Map.of("bridge.servicenow.instance-url", "https://acme.service-now.com",
                    "bridge.retry.in-memory-attempts", "2", "bridge.retry.initial-delay", "5ms"));
        }

        @Bean
        Ending inboxOutcomes() {
            return new Ending("inbox");
        }

        @Bean
        Ending webhookAnswers() {
            return new Ending("webhook");
        }

        @Bean
        Ending adminAnswers() {
            return new Ending("admin");
        }

        @Bean
        RouteBuilder routesOnEachPolicy() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    for (String policy : List.of(BridgeErrorPolicy.SYNC, BridgeErrorPolicy.WEBHOOK_EDGE, BridgeErrorPolicy.ADMIN,
                            BridgeErrorPolicy.POLL, BridgeErrorPolicy.OUTBOUND)) {
                        from("direct:" + policy).routeId("throws-on-" + policy).routeConfigurationId(policy)
                                .setBody(simple("changed by the route"))
                                .process(exchange -> {
                                    ATTEMPTS.incrementAndGet();
                                    throw exchange.getIn().getHeader("failure", Exception.class);
                                });
                    }
                }
            };
        }
    }

    @Autowired
    ProducerTemplate producer;

    @BeforeEach
    void clear() {
        ENDINGS.clear();
        ATTEMPTS.set(0);
    }

    @Test
    void aTransientFailureIsRedeliveredInMemoryThenWaitsInTheInbox() {
        Exchange done = send(BridgeErrorPolicy.SYNC, new TransientFailure("ServiceNow answered 503"));
        assertThat(ATTEMPTS).hasValue(3);
        assertThat(ENDINGS).singleElement().asString().startsWith("inbox.retryLater");
        assertThat(done.getException()).isNull();
    }

    @Test
    void aRateLimitedFailureIsNotRedeliveredInMemoryButWaitsInTheInbox() {
        send(BridgeErrorPolicy.SYNC, new RateLimitedFailure("429", Duration.ofSeconds(30)));
        assertThat(ATTEMPTS).hasValue(1);
        assertThat(ENDINGS).singleElement().asString().startsWith("inbox.retryLater");
    }

    @Test
    void aPermanentFailureIsADeadLetterAtOnceWithTheOriginalMessage() {
        send(BridgeErrorPolicy.SYNC, new PermanentFailure(FailureKind.MAPPING, "template failed"));
        assertThat(ATTEMPTS).hasValue(1);
        assertThat(ENDINGS).containsExactly("inbox.deadLetter:the original events");
    }

    @Test
    void anUnexpectedExceptionIsADeadLetterToo() {
        send(BridgeErrorPolicy.SYNC, new IllegalStateException("bug"));
        assertThat(ATTEMPTS).hasValue(1);
        assertThat(ENDINGS).containsExactly("inbox.deadLetter:the original events");
    }

    @Test
    void aRejectedWebhookGetsItsAnswer() {
        send(BridgeErrorPolicy.WEBHOOK_EDGE, new WebhookRejected(401, "bad signature"));
        assertThat(ENDINGS).containsExactly("webhook.rejected");
    }

    @Test
    void aWebhookThatCannotBeStoredIsUnavailable() {
        send(BridgeErrorPolicy.WEBHOOK_EDGE, new IllegalStateException("database down"));
        assertThat(ATTEMPTS).hasValue(1);
        assertThat(ENDINGS).containsExactly("webhook.unavailable");
    }

    @Test
    void theAdminApiAnswersEachFailureWithItsStatus() {
        send(BridgeErrorPolicy.ADMIN, new NotFound("no such dead letter"));
        send(BridgeErrorPolicy.ADMIN, new IllegalArgumentException("bad filter"));
        send(BridgeErrorPolicy.ADMIN, new IllegalStateException("busy"));
        send(BridgeErrorPolicy.ADMIN, new TransientFailure("ServiceNow down"));
        // The more specific kinds win over the IllegalArgument/IllegalState rules they extend.
        send(BridgeErrorPolicy.ADMIN, new io.incidentbridge.mapping.MappingVersions.Invalid(
                java.util.List.of(new io.incidentbridge.mapping.MappingFailure("line 3: no such function", null, "values.yaml", 3, 1))));
        send(BridgeErrorPolicy.ADMIN, new io.incidentbridge.mapping.MappingVersions.Stale("version 3 is in force", null));
        send(BridgeErrorPolicy.ADMIN, new com.fasterxml.jackson.core.JsonParseException(null, "not JSON"));
        assertThat(ENDINGS).containsExactly("admin.notFound", "admin.badRequest", "admin.conflict", "admin.failed",
                "admin.invalidMapping", "admin.staleMapping", "admin.malformed");
    }

    @Test
    void aFailedPollIsLoggedAndHandled() {
        Exchange done = send(BridgeErrorPolicy.POLL, new TransientFailure("ServiceNow down"));
        assertThat(ATTEMPTS).hasValue(1);
        assertThat(done.getException()).isNull();
        assertThat(ENDINGS).isEmpty();
    }

    @Test
    void anOutboundCallIsTriedOnceAndItsFailureGoesBackToTheCaller() {
        TransientFailure failure = new TransientFailure("ServiceNow answered 503");
        Exchange done = send(BridgeErrorPolicy.OUTBOUND, failure);
        assertThat(ATTEMPTS).hasValue(1);
        assertThat(done.getException()).isSameAs(failure);
        assertThat(ENDINGS).isEmpty();
    }

    private Exchange send(String policy, Exception failure) {
        return producer.send("direct:" + policy, exchange -> {
            exchange.getIn().setBody("the original events");
            exchange.getIn().setHeader("failure", failure);
        });
    }
}
