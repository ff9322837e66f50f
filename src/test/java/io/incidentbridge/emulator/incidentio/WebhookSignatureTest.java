package io.incidentbridge.emulator.incidentio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The Standard Webhooks signature, checked against the published test vector (reference b.1). */
class WebhookSignatureTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void reproducesTheStandardWebhooksTestVector() {
        assertThat(WebhookSender.sign(SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theSignatureCoversTheIdTheTimestampAndEveryByteOfTheBody() {
        String reference = WebhookSender.sign(SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}");

        assertThat(WebhookSender.sign(SECRET, "123", 1614265330, "{\"test\": 2432232314}")).isNotEqualTo(reference);
        assertThat(WebhookSender.sign(SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1676033031, "{\"test\": 2432232314}"))
                .isNotEqualTo(reference);
        assertThat(WebhookSender.sign(SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\":2432232314}"))
                .as("re-serialised JSON is a different body").isNotEqualTo(reference);
    }

    @Test
    void aNewSecretIsWhsecAndThirtyTwoRandomBytes() {
        String secret = WebhookSender.newSecret();

        assertThat(secret).startsWith("whsec_").isNotEqualTo(WebhookSender.newSecret());
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
    }

    @Test
    void aSecretWithoutTheWhsecPrefixOrBase64IsRefusedAtOnce() {
        assertThatThrownBy(() -> new WebhookSender("http://127.0.0.1:1/", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whsec_");
        assertThatThrownBy(() -> new WebhookSender("http://127.0.0.1:1/", "whsec_not base64!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base64");
    }
}
