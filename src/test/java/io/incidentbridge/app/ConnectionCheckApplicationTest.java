package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentbridge.emulator.servicenow.SeedData;
import io.incidentbridge.emulator.servicenow.ServiceNowEmulator;
import io.incidentbridge.ops.ConnectionCheck;
import io.incidentbridge.ops.ServiceNowHealth;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each permission taken away in the emulator is named by the connection check in the words of the set-up steps. */
class ConnectionCheckApplicationTest extends BridgeApplicationTest {
    @Autowired
    ServiceNowHealth health;

    @AfterEach
    void giveEverythingBack() {
        SERVICENOW.setRoles(ServiceNowEmulator.USERNAME, SeedData.INTEGRATION_ROLES);
        SERVICENOW.setTaskAcl(ServiceNowEmulator.USERNAME, true, true, true);
        SERVICENOW.lockUser(ServiceNowEmulator.USERNAME, false);
    }

    @Test
    void withEveryPermissionTheCheckPasses() {
        ensureTheBridgeHasWrittenAnIncidentAndATask();
        ConnectionCheck.Report report = health.refresh();
        assertThat(report.checks()).filteredOn(c -> !c.name().equals("task-create")).allMatch(c -> c.status().equals("ok"));
        assertThat(report.ok()).isTrue();
    }

    @Test
    void eachMissingPermissionHasItsOwnMessage() {
        ensureTheBridgeHasWrittenAnIncidentAndATask();
        assertMissing(roles -> roles.remove("incident_manager"), "incident-read", "incident_manager");
        assertMissing(roles -> roles.remove("incident_manager"), "incident-write", "incident_manager");
        assertMissing(roles -> roles.remove("cmdb_read"), "cmdb-read", "cmdb_read");
        assertMissing(roles -> roles.remove("sn_cmdb_user"), "users-read", "sn_cmdb_user");
        assertMissing(roles -> roles.remove("sn_cmdb_user"), "groups-read", "sn_cmdb_user");

        SERVICENOW.setTaskAcl(ServiceNowEmulator.USERNAME, true, false, true);
        assertThat(check("task-read").message()).contains("task read ACL");
        SERVICENOW.setTaskAcl(ServiceNowEmulator.USERNAME, true, true, false);
        assertThat(check("task-write").message()).contains("task write ACL");
        SERVICENOW.setTaskAcl(ServiceNowEmulator.USERNAME, true, true, true);

        SERVICENOW.lockUser(ServiceNowEmulator.USERNAME, true);
        SERVICENOW.revokeAllTokens();
        ConnectionCheck.Check login = check("oauth-login");
        assertThat(login.status()).isEqualTo("missing");
        assertThat(login.message()).contains("SERVICENOW_CLIENT_ID").contains("locked out");
    }

    private void assertMissing(Consumer<Set<String>> change, String name, String role) {
        Set<String> roles = new HashSet<>(SeedData.INTEGRATION_ROLES);
        change.accept(roles);
        SERVICENOW.setRoles(ServiceNowEmulator.USERNAME, roles);
        ConnectionCheck.Check check = check(name);
        assertThat(check.status()).as(name).isEqualTo("missing");
        assertThat(check.message()).as(name).contains("role " + role);
        SERVICENOW.setRoles(ServiceNowEmulator.USERNAME, SeedData.INTEGRATION_ROLES);
    }

    private ConnectionCheck.Check check(String name) {
        ConnectionCheck.Report report = health.refresh();
        return report.checks().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " check in " + report));
    }

    private void ensureTheBridgeHasWrittenAnIncidentAndATask() {
        SERVICENOW.insert("incident", Map.of("short_description", "Raised by someone at the service desk"));
        String id = newIncident("Connection check fixture").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        awaitServiceNowIncident(id, Map.of("state", "2"));
        String followUp = INCIDENTIO.createFollowUp(id, "Fixture task", "", null).path("id").asText();
        webhooks().send(event("public_incident.follow_up_created_v2", followUp));
        org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> !SERVICENOW.find("task", "correlation_id=" + followUp).isEmpty());
    }
}
