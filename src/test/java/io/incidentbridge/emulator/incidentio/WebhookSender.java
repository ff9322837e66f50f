package io.incidentbridge.emulator.incidentio;

import io.incidentbridge.emulator.core.Pause;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sends webhooks as incident.io does through Svix (reference b.1): signed with Standard Webhooks headers,
 * retried on any non-2xx answer (3xx included: redirects are not followed), on a refused connection and on no
 * answer within the response timeout (15 s, as Svix), with the same {@code webhook-id} on every attempt and a
 * fresh timestamp and signature each time. The retry schedule is Svix's shape (immediately, then growing
 * waits) but short by default, so tests finish: 0, 50 ms, 200 ms, 1 s, 2 s.
 */
public final class WebhookSender {
    private static final List<Duration> TEST_SCHEDULE = List.of(Duration.ZERO, Duration.ofMillis(50),
            Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(2));
    /** Shared by all senders, since tests often make one sender per message; timeouts are set per request. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final URI target;
    private final Clock clock;
    private final List<String> secrets;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile List<Duration> schedule = TEST_SCHEDULE;
    private volatile Duration responseTimeout = Duration.ofSeconds(15);

    /** One or more {@code whsec_} secrets; several give several {@code v1,} signatures, as during rotation. */
    public WebhookSender(String targetUrl, String... secrets) {
        this(targetUrl, Clock.systemUTC(), secrets);
    }

    /** With a clock of the test's choosing, to see each attempt's timestamp without waiting for seconds to pass. */
    WebhookSender(String targetUrl, Clock clock, String... secrets) {
        if (secrets.length == 0) {
            throw new IllegalArgumentException("a webhook sender needs at least one secret");
        }
        Arrays.stream(secrets).forEach(StandardWebhooks::checkSecret);
        this.target = URI.create(targetUrl);
        this.clock = clock;
        this.secrets = List.copyOf(Arrays.asList(secrets));
    }

    /** The wait before each attempt; the first is usually zero. The number of delays is the number of attempts. */
    public WebhookSender retrySchedule(Duration... delays) {
        if (delays.length == 0) {
            throw new IllegalArgumentException("a retry schedule needs at least one attempt");
        }
        schedule = List.copyOf(Arrays.asList(delays));
        return this;
    }

    /** How long an attempt waits for an answer before it counts as failed (Svix: 15 s). */
    public WebhookSender responseTimeout(Duration timeout) {
        responseTimeout = timeout;
        return this;
    }

    /** {@code "whsec_"} and 32 random bytes in base64. */
    public static String newSecret() {
        return StandardWebhooks.newSecret();
    }

    /** {@code "v1,<base64 HMAC-SHA256>"} of {@code id.timestamp.body} under the secret. */
    public static String sign(String secret, String id, long timestamp, String body) {
        return StandardWebhooks.sign(secret, id, timestamp, body);
    }

    /**
     * The same over raw bytes and a timestamp header of any form, for hostile tests: a body that is not UTF-8,
     * a timestamp that is not a number.
     */
    public static String sign(String secret, String id, String timestamp, byte[] body) {
        return StandardWebhooks.sign(secret, id, timestamp, body);
    }

    /** A new message: a fresh {@code msg_} id, retried until a 2xx or the end of the schedule. */
    public Delivery send(String body) {
        return send(StandardWebhooks.newMessageId(), body);
    }

    /** A (re)delivery under a given id, as a Svix retry or a manual replay would send it. */
    public Delivery send(String webhookId, String body) {
        int attempts = 0;
        Attempt last = new Attempt(0, "not attempted");
        for (Duration delay : schedule) {
            if (!waitFor(delay)) {
                break;
            }
            attempts++;
            long timestamp = clock.instant().getEpochSecond();
            last = attempt(webhookId, timestamp, body, StandardWebhooks.signatureHeader(secrets, webhookId, timestamp, body));
            if (last.status() >= 200 && last.status() < 300) {
                break;
            }
        }
        Delivery delivery = new Delivery(webhookId, attempts, last.status(), last.body());
        deliveries.add(delivery);
        return delivery;
    }

    /**
     * One raw attempt with exactly these headers, for hostile tests; a null or empty id or signature header is
     * left out of the request.
     */
    public HttpResponse<String> post(String webhookId, long timestamp, String body, String signatureHeader) {
        try {
            return HTTP.send(request(webhookId, timestamp, body, signatureHeader), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the webhook could not be posted to " + target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting a webhook", e);
        }
    }

    /** Every delivery made with {@link #send}, in completion order. */
    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private record Attempt(int status, String body) {
    }

    private Attempt attempt(String webhookId, long timestamp, String body, String signatureHeader) {
        try {
            HttpResponse<String> response = HTTP.send(request(webhookId, timestamp, body, signatureHeader),
                    HttpResponse.BodyHandlers.ofString());
            return new Attempt(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            return new Attempt(0, "no answer within " + responseTimeout.toMillis() + " ms");
        } catch (IOException e) {
            return new Attempt(0, "connection failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(0, "interrupted");
        }
    }

    private HttpRequest request(String webhookId, long timestamp, String body, String signatureHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(responseTimeout)
                .header("Content-Type", "application/json")
                .header("webhook-timestamp", Long.toString(timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (webhookId != null && !webhookId.isEmpty()) {
            request.header("webhook-id", webhookId);
        }
        if (signatureHeader != null && !signatureHeader.isEmpty()) {
            request.header("webhook-signature", signatureHeader);
        }
        return request.build();
    }

    /** The wait before an attempt; false when the thread was interrupted, which ends the delivery. */
    private static boolean waitFor(Duration delay) {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        return Pause.hold(delay);
    }
}
