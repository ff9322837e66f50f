package io.incidentbridge.incidentio;

import io.incidentbridge.webhooks.WebhookRejected;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentbridge.config.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StandardWebhookVerifierTest {
    // The Standard Webhooks / Svix test vector (reference b.1), recomputed independently.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TS = "1614265330";
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final Clock AT_VECTOR_TIME = Clock.fixed(Instant.ofEpochSecond(1614265330 + 60), ZoneOffset.UTC);

    private final StandardWebhookVerifier verifier = verifier(SECRET);

    @Test
    void acceptsTheStandardWebhooksTestVector() {
        assertThatCode(() -> verifier.verify(ID, TS, SIGNATURE, BODY)).doesNotThrowAnyException();
    }

    @Test
    void acceptsWhenAnyOfSeveralSignaturesMatches() {
        assertThatCode(() -> verifier.verify(ID, TS, "v1,AAAAAAAA v1,notbase64!! " + SIGNATURE, BODY)).doesNotThrowAnyException();
    }

    @Test
    void acceptsWhenTheSignatureMatchesTheSecondConfiguredSecretDuringRotation() {
        StandardWebhookVerifier rotating = verifier("whsec_" + "b2xkLXNlY3JldC1vbGQtc2VjcmV0LW9sZA==" + " , " + SECRET);
        assertThatCode(() -> rotating.verify(ID, TS, SIGNATURE, BODY)).doesNotThrowAnyException();
    }

    @Test
    void refusesATamperedBody() {
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertRejected(() -> verifier.verify(ID, TS, SIGNATURE, tampered), "no webhook-signature matches");
    }

    @Test
    void refusesAnotherMessageIdWithTheSameSignature() {
        assertRejected(() -> verifier.verify("msg_other", TS, SIGNATURE, BODY), "no webhook-signature matches");
    }

    @Test
    void refusesATimestampWhoseDistanceFromNowOverflows() {
        long now = AT_VECTOR_TIME.instant().getEpochSecond();
        assertRejected(() -> verifier.verify(ID, Long.toString(Long.MIN_VALUE + now), SIGNATURE, BODY), "tolerance");
        assertRejected(() -> verifier.verify(ID, Long.toString(Long.MIN_VALUE), SIGNATURE, BODY), "tolerance");
        assertRejected(() -> verifier.verify(ID, Long.toString(Long.MAX_VALUE), SIGNATURE, BODY), "tolerance");
    }

    @Test
    void refusesTimestampsOutsideFiveMinutesEitherWay() {
        StandardWebhookVerifier late = new StandardWebhookVerifier(Secret.of(SECRET), Duration.ofMinutes(5),
                Clock.fixed(Instant.ofEpochSecond(1614265330 + 301), ZoneOffset.UTC));
        StandardWebhookVerifier early = new StandardWebhookVerifier(Secret.of(SECRET), Duration.ofMinutes(5),
                Clock.fixed(Instant.ofEpochSecond(1614265330 - 301), ZoneOffset.UTC));
        assertRejected(() -> late.verify(ID, TS, SIGNATURE, BODY), "tolerance");
        assertRejected(() -> early.verify(ID, TS, SIGNATURE, BODY), "tolerance");
    }

    @Test
    void refusesMissingHeadersAndNonNumericTimestamps() {
        assertRejected(() -> verifier.verify(null, TS, SIGNATURE, BODY), "missing");
        assertRejected(() -> verifier.verify(ID, "", SIGNATURE, BODY), "missing");
        assertRejected(() -> verifier.verify(ID, TS, null, BODY), "missing");
        assertRejected(() -> verifier.verify(ID, "yesterday", SIGNATURE, BODY), "Unix time");
    }

    @Test
    void refusesEverythingWhenNoSecretIsConfigured() {
        assertRejected(() -> verifier("").verify(ID, TS, SIGNATURE, BODY), "INCIDENTIO_WEBHOOK_SECRET");
    }

    @Test
    void refusesASignatureOfAnotherVersion() {
        assertRejected(() -> verifier.verify(ID, TS, SIGNATURE.replace("v1,", "v2,"), BODY), "no webhook-signature matches");
    }

    private static StandardWebhookVerifier verifier(String secrets) {
        return new StandardWebhookVerifier(Secret.of(secrets), Duration.ofMinutes(5), AT_VECTOR_TIME);
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String reason) {
        assertThatThrownBy(call).isInstanceOf(WebhookRejected.class).hasMessageContaining(reason)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((WebhookRejected) e).status()).isEqualTo(401));
    }
}
