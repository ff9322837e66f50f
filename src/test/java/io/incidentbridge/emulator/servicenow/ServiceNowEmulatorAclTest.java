package io.incidentbridge.emulator.servicenow;

import static io.incidentbridge.emulator.servicenow.EmulatorClient.basic;
import static io.incidentbridge.emulator.servicenow.EmulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Given a user "probe" whose roles each test sets, reads lose rows and writes are refused as on a real instance. */
class ServiceNowEmulatorAclTest extends EmulatorTestBase {

    private static final String PROBE = "probe";
    private static final String PROBE_PASSWORD = "probe-pw";

    private String probeSysId;

    @BeforeEach
    void start() {
        probeSysId = emulator.addUser(PROBE, PROBE_PASSWORD, "probe@example.com", "Probe User", Set.of());
    }

    @Test
    void insertingAnIncidentNeedsItilOrIncidentManager() {
        HttpResponse<String> denied = asProbe("POST", "/api/now/table/incident", "{}");

        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).isEqualTo("{\"error\":{\"message\":\"Operation Failed\",\"detail\":"
                + "\"ACL Exception Insert Failed due to security constraints\"},\"status\":\"failure\"}");
        assertThat(emulator.records("incident")).isEmpty();

        emulator.setRoles(PROBE, Set.of("itil"));
        assertThat(asProbe("POST", "/api/now/table/incident", "{}").statusCode()).isEqualTo(201);
        emulator.setRoles(PROBE, Set.of("incident_manager"));
        assertThat(asProbe("POST", "/api/now/table/incident", "{}").statusCode()).isEqualTo(201);
    }

    @Test
    void updatingAnIncidentWithoutTheRoleIs403() {
        String sysId = client.createIncident("{\"caller_id\":\"" + probeSysId + "\"}");

        HttpResponse<String> denied = asProbe("PATCH", "/api/now/table/incident/" + sysId, "{\"urgency\":\"1\"}");

        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(json(denied).at("/error/detail").asText())
                .isEqualTo("ACL Exception Update Failed due to security constraints");
        assertThat(emulator.record("incident", sysId).orElseThrow()).containsEntry("urgency", "3");
    }

    @Test
    void incidentsTheUserCannotReadAreNotFound() {
        String sysId = client.createIncident("{}");

        assertThat(asProbe("GET", "/api/now/table/incident/" + sysId, null).statusCode()).isEqualTo(404);
        assertThat(asProbe("PATCH", "/api/now/table/incident/" + sysId, "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void cmdbRowsAreSilentlyOmittedWithoutCmdbRead() {
        HttpResponse<String> response = asProbe("GET", "/api/now/table/cmdb_ci_service", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("result")).isEmpty();
        assertThat(response.headers().firstValue("X-Total-Count")).hasValue("3");

        emulator.setRoles(PROBE, Set.of("cmdb_read"));
        assertThat(json(asProbe("GET", "/api/now/table/cmdb_ci_service", null)).get("result")).hasSize(3);
    }

    @Test
    void theLimitIsAppliedBeforeAclsSoPagesComeBackShort() {
        client.createIncident("{}");
        client.createIncident("{\"caller_id\":\"" + probeSysId + "\"}");

        HttpResponse<String> response = asProbe("GET", "/api/now/table/incident?sysparm_limit=1", null);

        assertThat(json(response).get("result")).isEmpty();
        assertThat(response.headers().firstValue("Link")).isPresent();
        assertThat(json(asProbe("GET", "/api/now/table/incident?sysparm_limit=1&sysparm_offset=1", null))
                .get("result")).hasSize(1);
    }

    @Test
    void usersAndGroupsNeedSnCmdbUserOrItilExceptTheirOwnUserRecord() {
        assertThat(json(asProbe("GET", "/api/now/table/sys_user_group", null)).get("result")).isEmpty();
        assertThat(json(asProbe("GET", "/api/now/table/sys_user?sysparm_fields=user_name", null)).get("result"))
                .extracting(u -> u.get("user_name").asText()).containsExactly(PROBE);

        emulator.setRoles(PROBE, Set.of("sn_cmdb_user"));

        assertThat(json(asProbe("GET", "/api/now/table/sys_user_group", null)).get("result")).hasSize(3);
        assertThat(json(asProbe("GET", "/api/now/table/sys_user", null)).get("result")).hasSizeGreaterThan(5);
    }

    @Test
    void taskAccessIsControlledByThePerUserAclSwitches() {
        String task = json(client.post("/api/now/table/task", "{\"short_description\":\"t\"}")).at("/result/sys_id")
                .asText();

        assertThat(asProbe("POST", "/api/now/table/task", "{}").statusCode()).isEqualTo(403);
        assertThat(json(asProbe("GET", "/api/now/table/task", null)).get("result")).isEmpty();

        emulator.setTaskAcl(PROBE, false, true, false);
        assertThat(json(asProbe("GET", "/api/now/table/task", null)).get("result")).hasSize(1);
        assertThat(asProbe("PATCH", "/api/now/table/task/" + task, "{\"short_description\":\"x\"}").statusCode())
                .isEqualTo(403);

        emulator.setTaskAcl(PROBE, true, true, true);
        assertThat(asProbe("POST", "/api/now/table/task", "{}").statusCode()).isEqualTo(201);
        assertThat(asProbe("PATCH", "/api/now/table/task/" + task, "{\"short_description\":\"x\"}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void theSeededIntegrationUserHasEverythingTheBridgeNeeds() {
        assertThat(client.post("/api/now/table/incident", "{}").statusCode()).isEqualTo(201);
        assertThat(client.post("/api/now/table/task", "{}").statusCode()).isEqualTo(201);
        assertThat(json(client.get("/api/now/table/task")).get("result")).hasSize(2);
        assertThat(json(client.get("/api/now/table/cmdb_ci")).get("result")).hasSize(4);
        assertThat(json(client.get("/api/now/table/sys_user_group")).get("result")).hasSize(3);
        assertThat(json(client.get("/api/now/table/sys_user?sysparm_query=emailLIKEexample.com")).get("result"))
                .hasSize(6);
    }

    @Test
    void aggregateCountsOnlyReadableRows() {
        HttpResponse<String> response = asProbe("GET", "/api/now/stats/cmdb_ci?sysparm_count=true", null);

        assertThat(response.body()).isEqualTo("{\"result\":{\"stats\":{\"count\":\"0\"}}}");
    }

    private HttpResponse<String> asProbe(String method, String path, String body) {
        return client.sendAs(basic(PROBE, PROBE_PASSWORD), method, path, body);
    }
}
