package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentbridge.emulator.core.RecordedRequest;
import io.incidentbridge.emulator.servicenow.ServiceNowEmulator;
import io.incidentbridge.ops.ConnectionCheck;
import io.incidentbridge.ops.ServiceNowHealth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With SERVICENOW_AUTH=basic the bridge signs every ServiceNow request with the user's password and never asks for a
 * token. A bridge of its own (its own database, so no OAuth bridge of another test takes its work), closed afterwards.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ServiceNowBasicAuthApplicationTest extends BridgeApplicationTest {

    @DynamicPropertySource
    static void signInWithBasic(DynamicPropertyRegistry registry) {
        registry.add("bridge.servicenow.auth", () -> "basic");
        aDatabaseOfItsOwn(registry, "bridge-basic-auth-tests");
    }
    @Autowired
    ServiceNowHealth health;

    @AfterEach
    void unlock() {
        SERVICENOW.lockUser(ServiceNowEmulator.USERNAME, false);
    }

    @Test
    void anIncidentSyncsWithBasicAuthAndNoTokenIsRequested() {
        long grantsBefore = SERVICENOW.tokenRequests("password") + SERVICENOW.tokenRequests("refresh_token");
        int seenBefore = SERVICENOW.requests().size();

        String id = newIncident("Signed with Basic").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        awaitServiceNowIncident(id, Map.of("short_description", "Signed with Basic", "state", "2"));

        assertThat(SERVICENOW.tokenRequests("password") + SERVICENOW.tokenRequests("refresh_token")).isEqualTo(grantsBefore);
        List<RecordedRequest> tableCalls = SERVICENOW.requests().subList(seenBefore, SERVICENOW.requests().size()).stream()
                .filter(r -> r.path().startsWith("/api/now/table/")).toList();
        assertThat(tableCalls).isNotEmpty()
                .allSatisfy(r -> assertThat(r.headers().get("authorization")).startsWith("Basic "));
        assertThat(deadLettersFor(id)).isZero();
    }

    @Test
    void theConnectionCheckProvesTheBasicLoginAndNamesARefusedOne() {
        ConnectionCheck.Report report = health.refresh();
        assertThat(report.checks().get(0).name()).isEqualTo("basic-login");
        assertThat(report.checks().get(0).status()).isEqualTo("ok");

        SERVICENOW.lockUser(ServiceNowEmulator.USERNAME, true);
        ConnectionCheck.Check refused = health.refresh().checks().get(0);
        assertThat(refused.name()).isEqualTo("basic-login");
        assertThat(refused.status()).isEqualTo("missing");
        assertThat(refused.message()).contains("SERVICENOW_PASSWORD").contains("locked out");
    }
}
