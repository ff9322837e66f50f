package io.incidentbridge.emulator.servicenow;

import static io.incidentbridge.emulator.servicenow.EmulatorClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceNowEmulatorAuthTest extends EmulatorTestBase {

    private static final String NOT_AUTHENTICATED = "{\"error\":{\"message\":\"User Not Authenticated\","
            + "\"detail\":\"Required to provide Auth information\"},\"status\":\"failure\"}";

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "Bearer unknown-token", "Basic bm9ib2R5Om5vdGhpbmc=", "Basic !!!", "Digest abc"})
    void missingOrWrongCredentialsAre401WithTheStandardBody(String authorization) {
        HttpResponse<String> response = client.sendAs(authorization.isEmpty() ? null : authorization, "GET",
                "/api/now/table/incident", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(NOT_AUTHENTICATED);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Service-now\"");
    }

    @Test
    void basicAuthWorksForUsersWithAPassword() {
        HttpResponse<String> response = client.sendAs(basic(ServiceNowEmulator.USERNAME, ServiceNowEmulator.PASSWORD),
                "GET", "/api/now/table/incident", null);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void basicAuthWithAWrongPasswordIs401() {
        HttpResponse<String> response = client.sendAs(basic(ServiceNowEmulator.USERNAME, "wrong"), "GET",
                "/api/now/table/incident", null);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void writesAreAttributedToTheAuthenticatedUser() {
        emulator.addUser("jane.ops", "jane-pw", "jane@example.com", "Jane Ops", Set.of("itil"));

        HttpResponse<String> response = client.sendAs(basic("jane.ops", "jane-pw"), "POST", "/api/now/table/incident",
                "{}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(emulator.records("incident").get(0))
                .containsEntry("sys_created_by", "jane.ops")
                .containsEntry("opened_by", emulator.userSysId("jane.ops"));
    }
}
