package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.incidentbridge.emulator.incidentio.WebhookSender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tokens expire, get revoked, refresh tokens get refused: events still land, and tokens are not fetched per event. */
class ServiceNowTokenApplicationTest extends BridgeApplicationTest {

    @AfterEach
    void restoreLifetimes() {
        SERVICENOW.accessTokenLifetime(Duration.ofSeconds(1800));
        SERVICENOW.refreshTokenLifetime(Duration.ofDays(100));
    }

    @Test
    void tokensExpiringMidStreamAreRefreshedOncePerExpiryNotPerEvent() {
        SERVICENOW.accessTokenLifetime(Duration.ofSeconds(3));
        SERVICENOW.revokeAccessTokens();
        long before = tokenRequests();
        List<String> ids = sendIncidents("Expiry", 30, Duration.ofMillis(150));

        ids.forEach(id -> awaitServiceNowIncident(id, Map.of("state", "2")));
        long used = tokenRequests() - before;
        // ~4.5 s of traffic with 3 s tokens refreshed at half-life: a handful of grants, nowhere near one per event.
        assertThat(used).isBetween(1L, 8L);
        ids.forEach(id -> assertThat(deadLettersFor(id)).isZero());
    }

    @Test
    void aRevokedTokenIsReplacedAndTheRequestReplayed() {
        String first = sendIncidents("Before revocation", 1, Duration.ZERO).get(0);
        awaitServiceNowIncident(first, Map.of("state", "2"));

        SERVICENOW.revokeAccessTokens();
        List<String> ids = sendIncidents("After revocation", 5, Duration.ZERO);

        ids.forEach(id -> awaitServiceNowIncident(id, Map.of("state", "2")));
        ids.forEach(id -> assertThat(deadLettersFor(id)).isZero());
        assertThat(SERVICENOW.requests().stream().filter(r -> r.status() == 401).count()).isPositive();
    }

    @Test
    void aRefusedRefreshTokenFallsBackToThePasswordGrant() {
        SERVICENOW.revokeAllTokens();
        long passwordGrants = SERVICENOW.tokenRequests("password");
        List<String> ids = sendIncidents("After full revocation", 5, Duration.ZERO);

        ids.forEach(id -> awaitServiceNowIncident(id, Map.of("state", "2")));
        ids.forEach(id -> assertThat(deadLettersFor(id)).isZero());
        assertThat(SERVICENOW.tokenRequests("password")).isGreaterThan(passwordGrants);
    }

    private long tokenRequests() {
        return SERVICENOW.tokenRequests("password") + SERVICENOW.tokenRequests("refresh_token");
    }

    private List<String> sendIncidents(String prefix, int count, Duration gap) {
        WebhookSender sender = webhooks();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = newIncident(prefix + " " + i).path("id").asText();
            ids.add(id);
            sender.send(event("public_incident.incident_created_v2", id));
            if (!gap.isZero()) {
                long until = System.nanoTime() + gap.toNanos();
                await().pollInterval(Duration.ofMillis(10)).until(() -> System.nanoTime() >= until);
            }
        }
        return ids;
    }
}
