package io.incidentbridge.emulator.servicenow;

import static io.incidentbridge.emulator.servicenow.EmulatorClient.basic;
import static io.incidentbridge.emulator.servicenow.EmulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceNowEmulatorRateLimitTest extends EmulatorTestBase {

    @Test
    void withoutARuleThereAreNoRateLimitHeaders() {
        HttpResponse<String> response = client.get("/api/now/table/incident");

        assertThat(response.headers().firstValue("X-RateLimit-Limit")).isEmpty();
    }

    @Test
    void requestsUnderTheRuleCarryTheRuleHeaders() {
        emulator.rateLimit(3);

        HttpResponse<String> response = client.get("/api/now/table/incident");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-RateLimit-Limit")).hasValue("3");
        assertThat(response.headers().firstValue("X-RateLimit-Rule").orElseThrow()).matches("[0-9a-f]{32}");
        long reset = Long.parseLong(response.headers().firstValue("X-RateLimit-Reset").orElseThrow());
        long now = Instant.now().getEpochSecond();
        assertThat(reset % 3600).isZero();
        assertThat(reset).isGreaterThan(now).isLessThanOrEqualTo(now + 3600);
    }

    @Test
    void theRequestPastTheLimitIs429WithRetryAfter() {
        emulator.rateLimit(3);
        for (int i = 0; i < 3; i++) {
            assertThat(client.get("/api/now/table/incident").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> limited = client.get("/api/now/table/incident");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).isEqualTo("{\"error\":{\"message\":\"Rate limit exceeded\",\"detail\":"
                + "\"Rate limit of 3 requests per hour for Table API exceeded\"},\"status\":\"failure\"}");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
        assertThat(limited.headers().firstValue("X-RateLimit-Limit")).hasValue("3");
        assertThat(emulator.records("incident")).isEmpty();
    }

    @Test
    void theCountIsPerUser() {
        emulator.rateLimit(1);
        emulator.addUser("other", "other-pw", "other@example.com", "Other User", Set.of("itil"));
        client.get("/api/now/table/incident");

        assertThat(client.get("/api/now/table/incident").statusCode()).isEqualTo(429);
        assertThat(client.sendAs(basic("other", "other-pw"), "GET", "/api/now/table/incident", null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void tokenRequestsAreNotRateLimited() {
        emulator.rateLimit(1);
        client.get("/api/now/table/incident");

        assertThat(client.passwordGrant(ServiceNowEmulator.USERNAME, ServiceNowEmulator.PASSWORD).statusCode())
                .isEqualTo(200);
    }

    @Test
    void oneShotRateLimitingAnswersTheNextRequestsWith429() {
        client.accessToken();
        emulator.faults().rateLimitNext(2, 7);

        HttpResponse<String> first = client.get("/api/now/table/incident");
        HttpResponse<String> second = client.get("/api/now/table/incident");
        HttpResponse<String> third = client.get("/api/now/table/incident");

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(json(first).at("/error/message").asText()).isEqualTo("Rate limit exceeded");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(third.statusCode()).isEqualTo(200);
    }
}
