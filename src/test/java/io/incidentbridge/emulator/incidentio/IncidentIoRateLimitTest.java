package io.incidentbridge.emulator.incidentio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The per-key budget (default 1,200 a minute) and the documented 429 body (reference b.4). */
class IncidentIoRateLimitTest extends EmulatorTestBase {

    @Test
    void requestsOverTheBudgetAreAnswered429WithTheDocumentedBody() {
        emulator.rateLimitPerMinute(3);
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/v1/severities").status()).isEqualTo(200);
        }

        ApiClient.Answer limited = api.get("/v1/severities");

        assertThat(limited.status()).isEqualTo(429);
        JsonNode body = limited.json();
        assertThat(body.path("type").asText()).isEqualTo("too_many_requests");
        assertThat(body.path("status").asInt()).isEqualTo(429);
        assertThat(body.path("request_id").asText()).isNotBlank();
        assertThat(body.path("rate_limit").path("limit").asInt()).isEqualTo(3);
        assertThat(body.path("rate_limit").path("remaining").asInt()).isZero();
        assertThat(body.path("rate_limit").path("name").asText()).isNotBlank();
        ZonedDateTime retryAfter = ZonedDateTime.parse(body.path("rate_limit").path("retry_after").asText(),
                DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.ENGLISH));
        assertThat(retryAfter.toInstant()).isAfter(emulator.requests().get(0).at());
        assertThat(limited.firstError().path("code").asText()).isEqualTo("too_many_requests");
        assertThat(limited.firstError().path("message").asText())
                .isEqualTo("Too many requests. We recommend exponential backoff.");
    }

    @Test
    void theDefaultBudgetIs1200AMinute() {
        for (int i = 0; i < 1200; i++) {
            api.get("/v1/severities");
        }

        assertThat(emulator.requests()).allMatch(r -> r.status() == 200);
        assertThat(api.get("/v1/severities").status()).isEqualTo(429);
    }

    @Test
    void unauthenticatedRequestsDoNotSpendTheKeysBudget() {
        emulator.rateLimitPerMinute(1);
        api.withKey("wrong").get("/v1/severities");
        api.withKey(null).get("/v1/severities");

        assertThat(api.get("/v1/severities").status()).isEqualTo(200);
        assertThat(api.get("/v1/severities").status()).isEqualTo(429);
    }

    @Test
    void theNextNRequestsCanBeRateLimitedOnDemand() {
        emulator.faults().rateLimitNext(2);

        assertThat(api.get("/v1/severities").status()).isEqualTo(429);
        assertThat(api.get("/v1/incident_statuses").status()).isEqualTo(429);
        assertThat(api.get("/v1/severities").status()).isEqualTo(200);
    }
}
