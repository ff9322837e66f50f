package io.incidentbridge.backsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.config.SecretConverter;
import io.incidentbridge.webhooks.WebhookRejected;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Signed callbacks by default, with rotation and one use per message id; bearer-only only when set, and warned about. */
@ExtendWith(OutputCaptureExtension.class)
class ServiceNowCallbackVerifierTest {
    private static final String OLD = "whsec_" + Base64.getEncoder().encodeToString("old-key-old-key-old-key-old-key!".getBytes(StandardCharsets.UTF_8));
    private static final String NEW = "whsec_" + Base64.getEncoder().encodeToString("new-key-new-key-new-key-new-key!".getBytes(StandardCharsets.UTF_8));
    private static final byte[] BODY = "{\"table\":\"incident\"}".getBytes(StandardCharsets.UTF_8);

    private final ApplicationContextRunner bridge = new ApplicationContextRunner()
            .withUserConfiguration(Beans.class)
            .withPropertyValues("bridge.servicenow.subdomain=acme", "bridge.webhooks.service-now-callback-secret=" + OLD + ", " + NEW);

    @Configuration
    @EnableConfigurationProperties(BridgeProperties.class)
    @Import({SecretConverter.class, ServiceNowCallbackVerifier.class, CallbackMessages.class})
    static class Beans {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        JdbcTemplate jdbc() {
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
                    "jdbc:h2:mem:callback-verifier-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
            jdbc.execute("CREATE TABLE servicenow_callback_message (message_id VARCHAR(200) PRIMARY KEY,"
                    + " received_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            return jdbc;
        }
    }

    @Test
    void byDefaultOnlySignedCallbacksPassEitherSecretDuringRotationAndEachMessageIdOnce(CapturedOutput log) {
        bridge.run(context -> {
            ServiceNowCallbackVerifier verifier = context.getBean(ServiceNowCallbackVerifier.class);
            long now = System.currentTimeMillis() / 1000;

            assertRefused(() -> verifier.verify(null, null, null, "Bearer " + NEW, BODY), "missing X-Incident-Bridge-Id");
            assertThatCode(() -> verifier.verify("msg_1", Long.toString(now), sign(OLD, "msg_1", now), null, BODY))
                    .doesNotThrowAnyException();
            assertThatCode(() -> verifier.verify("msg_2", Long.toString(now), sign(NEW, "msg_2", now), null, BODY))
                    .doesNotThrowAnyException();
            assertRefused(() -> verifier.verify("msg_2", Long.toString(now), sign(NEW, "msg_2", now), null, BODY),
                    "X-Incident-Bridge-Id was already received");
            assertRefused(() -> verifier.verify("msg_3", Long.toString(now - 301), sign(NEW, "msg_3", now - 301), null, BODY),
                    "outside the 300 s tolerance");
        });
        assertThat(log.getOut()).doesNotContain("callback-auth is bearer");
    }

    @Test
    void bearerOnlyCallbacksPassOnlyWhenChosenAndTheStartSaysSo(CapturedOutput log) {
        bridge.withPropertyValues("bridge.back-sync.callback-auth=bearer").run(context -> {
            ServiceNowCallbackVerifier verifier = context.getBean(ServiceNowCallbackVerifier.class);

            assertThatCode(() -> verifier.verify(null, null, null, "Bearer " + NEW, BODY)).doesNotThrowAnyException();
            assertThatCode(() -> verifier.verify(null, null, null, "Bearer " + OLD, BODY)).doesNotThrowAnyException();
            assertRefused(() -> verifier.verify(null, null, null, "Bearer " + NEW + "x", BODY), "missing or wrong bearer token");
            assertRefused(() -> verifier.verify(null, null, null, null, BODY), "missing or wrong bearer token");
        });
        assertThat(log.getOut()).contains("bridge.back-sync.callback-auth is bearer").contains("replay")
                .doesNotContain(NEW.substring(6)).doesNotContain(OLD.substring(6));
    }

    @Test
    void anUnknownModeStopsTheStart() {
        bridge.withPropertyValues("bridge.back-sync.callback-auth=none").run(context -> assertThat(context).hasFailed());
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String reason) {
        assertThatThrownBy(call).isInstanceOf(WebhookRejected.class).hasMessageContaining(reason)
                .satisfies(e -> assertThat(((WebhookRejected) e).status()).isEqualTo(401));
    }

    private static String sign(String secret, String id, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(BODY));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
