package io.incidentbridge.emulator.incidentio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What a receiver sees from the sender: headers, signatures, rotation, retries, timeouts, redeliveries. */
class WebhookSenderTest {
    private static final String BODY = "{\"event_type\":\"public_alert.alert_created_v1\",\"public_alert.alert_created_v1\":{}}";
    private final String secret = WebhookSender.newSecret();

    @Test
    void aDeliveryCarriesStandardWebhookHeadersAndAValidSignatureOverTheRawBody() {
        try (WebhookReceiver receiver = new WebhookReceiver(202)) {
            long before = Instant.now().getEpochSecond();
            Delivery delivery = new WebhookSender(receiver.url(), secret).send(BODY);

            assertThat(delivery.delivered()).isTrue();
            assertThat(delivery.attempts()).isEqualTo(1);
            assertThat(delivery.finalStatus()).isEqualTo(202);
            WebhookReceiver.Received got = receiver.received().get(0);
            assertThat(got.body()).isEqualTo(BODY);
            assertThat(got.header("content-type")).isEqualTo("application/json");
            assertThat(got.header("webhook-id")).isEqualTo(delivery.webhookId()).matches("msg_[0-9A-Za-z]{27}");
            long timestamp = Long.parseLong(got.header("webhook-timestamp"));
            assertThat(timestamp).isBetween(before, Instant.now().getEpochSecond());
            assertThat(got.header("webhook-signature"))
                    .isEqualTo(WebhookSender.sign(secret, delivery.webhookId(), timestamp, BODY));
        }
    }

    @Test
    void duringRotationEverySecretSignsAndEachSignatureVerifiesOnItsOwn() {
        String next = WebhookSender.newSecret();
        try (WebhookReceiver receiver = new WebhookReceiver(200)) {
            Delivery delivery = new WebhookSender(receiver.url(), secret, next).send(BODY);

            WebhookReceiver.Received got = receiver.received().get(0);
            long timestamp = Long.parseLong(got.header("webhook-timestamp"));
            assertThat(got.header("webhook-signature").split(" ")).containsExactly(
                    WebhookSender.sign(secret, delivery.webhookId(), timestamp, BODY),
                    WebhookSender.sign(next, delivery.webhookId(), timestamp, BODY));
        }
    }

    @Test
    void aFailedAttemptIsRetriedWithTheSameIdAndAFreshTimestampAndSignature() {
        try (WebhookReceiver receiver = new WebhookReceiver(500, 429, 204)) {
            Delivery delivery = new WebhookSender(receiver.url(), tickingClock(), secret)
                    .retrySchedule(Duration.ZERO, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(10))
                    .send(BODY);

            assertThat(delivery).isEqualTo(new Delivery(delivery.webhookId(), 3, 204, ""));
            List<WebhookReceiver.Received> attempts = receiver.received();
            assertThat(attempts).extracting(a -> a.header("webhook-id")).containsOnly(delivery.webhookId());
            assertThat(attempts).extracting(a -> a.header("webhook-timestamp")).doesNotHaveDuplicates();
            assertThat(attempts).extracting(a -> a.header("webhook-signature")).doesNotHaveDuplicates();
            for (WebhookReceiver.Received attempt : attempts) {
                assertThat(attempt.header("webhook-signature")).isEqualTo(WebhookSender.sign(secret, delivery.webhookId(),
                        Long.parseLong(attempt.header("webhook-timestamp")), BODY));
            }
        }
    }

    @Test
    void aDeliveryGivesUpWhenTheScheduleIsExhausted() {
        try (WebhookReceiver receiver = new WebhookReceiver(503)) {
            WebhookSender sender = new WebhookSender(receiver.url(), secret)
                    .retrySchedule(Duration.ZERO, Duration.ofMillis(5), Duration.ofMillis(5));
            Delivery delivery = sender.send(BODY);

            assertThat(delivery.delivered()).isFalse();
            assertThat(delivery.attempts()).isEqualTo(3);
            assertThat(delivery.finalStatus()).isEqualTo(503);
            assertThat(receiver.received()).hasSize(3);
            assertThat(sender.deliveries()).containsExactly(delivery);
        }
    }

    @Test
    void aRedirectCountsAsAFailureAndIsNotFollowed() {
        try (WebhookReceiver receiver = new WebhookReceiver(302, 200)) {
            Delivery delivery = new WebhookSender(receiver.url(), secret).retrySchedule(Duration.ZERO, Duration.ofMillis(5))
                    .send(BODY);

            assertThat(delivery.attempts()).isEqualTo(2);
            assertThat(delivery.delivered()).isTrue();
            assertThat(receiver.received()).hasSize(2);
        }
    }

    @Test
    void noAnswerWithinTheResponseTimeoutCountsAsAFailure() {
        try (WebhookReceiver receiver = new WebhookReceiver(WebhookReceiver.NO_ANSWER, 200)) {
            Delivery delivery = new WebhookSender(receiver.url(), secret).responseTimeout(Duration.ofMillis(300))
                    .retrySchedule(Duration.ZERO, Duration.ofMillis(5)).send(BODY);

            assertThat(delivery.attempts()).isEqualTo(2);
            assertThat(delivery.delivered()).isTrue();
            assertThat(receiver.received()).extracting(r -> r.header("webhook-id")).containsOnly(delivery.webhookId());
        }
    }

    @Test
    void aRefusedConnectionIsRetriedAndReportedAsNoAnswer() {
        WebhookReceiver gone = new WebhookReceiver(200);
        String url = gone.url();
        gone.close();

        Delivery delivery = new WebhookSender(url, secret).retrySchedule(Duration.ZERO, Duration.ofMillis(5)).send(BODY);

        assertThat(delivery.attempts()).isEqualTo(2);
        assertThat(delivery.finalStatus()).isZero();
        assertThat(delivery.finalBody()).startsWith("connection failed");
    }

    @Test
    void aRedeliveryKeepsTheIdItIsGiven() {
        try (WebhookReceiver receiver = new WebhookReceiver(200)) {
            WebhookSender sender = new WebhookSender(receiver.url(), secret);
            sender.send("msg_replayed", BODY);
            sender.send("msg_replayed", BODY);

            assertThat(receiver.received()).extracting(r -> r.header("webhook-id")).containsExactly("msg_replayed", "msg_replayed");
            assertThat(sender.deliveries()).extracting(Delivery::webhookId).containsExactly("msg_replayed", "msg_replayed");
        }
    }

    @Test
    void aRawPostSendsExactlyWhatItIsGivenAndLeavesOutEmptyHeaders() {
        try (WebhookReceiver receiver = new WebhookReceiver(401)) {
            WebhookSender sender = new WebhookSender(receiver.url(), secret);
            HttpResponse<String> response = sender.post("msg_forged", 42, BODY, "v1,bm90IGEgc2lnbmF0dXJl");
            sender.post("", 43, BODY, "");

            assertThat(response.statusCode()).isEqualTo(401);
            WebhookReceiver.Received forged = receiver.received().get(0);
            assertThat(forged.header("webhook-id")).isEqualTo("msg_forged");
            assertThat(forged.header("webhook-timestamp")).isEqualTo("42");
            assertThat(forged.header("webhook-signature")).isEqualTo("v1,bm90IGEgc2lnbmF0dXJl");
            WebhookReceiver.Received unsigned = receiver.received().get(1);
            assertThat(unsigned.headers()).doesNotContainKeys("webhook-id", "webhook-signature");
            assertThat(sender.deliveries()).isEmpty();
        }
    }

    /** A clock that moves on a second each time it is read: every attempt gets its own timestamp, without waiting. */
    private static Clock tickingClock() {
        AtomicLong seconds = new AtomicLong(Instant.now().getEpochSecond());
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochSecond(seconds.getAndIncrement());
            }
        };
    }
}
