package io.incidentbridge.emulator.servicenow;

import static io.incidentbridge.emulator.servicenow.EmulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceNowEmulatorDisplayValueTest extends EmulatorTestBase {

    private String sysId;
    private String base;

    @BeforeEach
    void start() {
        base = emulator.baseUrl();
        sysId = emulator.insert("incident", Map.of("short_description", "Payments failing", "impact", "1",
                "urgency", "1", "caller_id", SeedData.ABEL_TUTER_SYS_ID,
                "assignment_group", SeedData.NETWORK_GROUP_SYS_ID,
                "business_service", SeedData.PAYMENTS_API_SERVICE_SYS_ID, "cmdb_ci", SeedData.SAN_CI_SYS_ID,
                "sys_created_on", "2024-01-15 10:00:00", "reassignment_count", "1234"));
    }

    @Test
    void byDefaultReferencesAreLinkAndValueObjectsAndEmptyReferencesAreEmptyStrings() {
        JsonNode result = get("");

        assertThat(result.get("caller_id").toString()).isEqualTo("{\"link\":\"" + base
                + "/api/now/table/sys_user/" + SeedData.ABEL_TUTER_SYS_ID + "\",\"value\":\""
                + SeedData.ABEL_TUTER_SYS_ID + "\"}");
        assertThat(result.at("/business_service/link").asText())
                .isEqualTo(base + "/api/now/table/cmdb_ci_service/" + SeedData.PAYMENTS_API_SERVICE_SYS_ID);
        assertThat(result.at("/cmdb_ci/link").asText()).isEqualTo(base + "/api/now/table/cmdb_ci/" + SeedData.SAN_CI_SYS_ID);
        assertThat(result.at("/assignment_group/link").asText())
                .isEqualTo(base + "/api/now/table/sys_user_group/" + SeedData.NETWORK_GROUP_SYS_ID);
        assertThat(result.get("assigned_to").isTextual()).isTrue();
        assertThat(result.get("assigned_to").asText()).isEmpty();
        assertThat(result.get("impact").asText()).isEqualTo("1");
        assertThat(result.get("sys_created_on").asText()).isEqualTo("2024-01-15 10:00:00");
    }

    @Test
    void excludingReferenceLinksFlattensReferencesToSysIds() {
        JsonNode result = get("sysparm_exclude_reference_link=true");

        assertThat(result.get("caller_id").asText()).isEqualTo(SeedData.ABEL_TUTER_SYS_ID);
        assertThat(result.get("sys_domain").asText()).isEqualTo("global");
    }

    @Test
    void displayValuesShowLabelsNamesAndTheUsersTimeZone() {
        JsonNode result = get("sysparm_display_value=true");

        assertThat(result.get("state").asText()).isEqualTo("New");
        assertThat(result.get("incident_state").asText()).isEqualTo("New");
        assertThat(result.get("impact").asText()).isEqualTo("1 - High");
        assertThat(result.get("priority").asText()).isEqualTo("1 - Critical");
        assertThat(result.get("severity").asText()).isEqualTo("3 - Low");
        assertThat(result.get("category").asText()).isEqualTo("Inquiry / Help");
        assertThat(result.get("sys_class_name").asText()).isEqualTo("Incident");
        assertThat(result.get("active").asText()).isEqualTo("true");
        assertThat(result.get("reassignment_count").asText()).isEqualTo("1,234");
        assertThat(result.get("sys_created_on").asText()).isEqualTo("2024-01-15 02:00:00");
        assertThat(result.get("caller_id").toString()).isEqualTo("{\"display_value\":\"Abel Tuter\",\"link\":\""
                + base + "/api/now/table/sys_user/" + SeedData.ABEL_TUTER_SYS_ID + "\"}");
        assertThat(result.at("/business_service/display_value").asText()).isEqualTo("Payments API");
        assertThat(result.get("assigned_to").asText()).isEmpty();
    }

    @Test
    void displayValuesWithoutLinksAreFlatStrings() {
        JsonNode result = get("sysparm_display_value=true&sysparm_exclude_reference_link=true");

        assertThat(result.get("caller_id").asText()).isEqualTo("Abel Tuter");
        assertThat(result.get("assignment_group").asText()).isEqualTo("Network");
    }

    @Test
    void allGivesBothForms() {
        JsonNode result = get("sysparm_display_value=all");

        assertThat(result.get("state").toString()).isEqualTo("{\"display_value\":\"New\",\"value\":\"1\"}");
        assertThat(result.get("caller_id").toString()).isEqualTo("{\"display_value\":\"Abel Tuter\",\"link\":\""
                + base + "/api/now/table/sys_user/" + SeedData.ABEL_TUTER_SYS_ID + "\",\"value\":\""
                + SeedData.ABEL_TUTER_SYS_ID + "\"}");
        assertThat(result.get("assigned_to").toString()).isEqualTo("{\"display_value\":\"\",\"value\":\"\"}");
        assertThat(get("sysparm_display_value=all&sysparm_exclude_reference_link=true").get("caller_id").toString())
                .isEqualTo("{\"display_value\":\"Abel Tuter\",\"value\":\"" + SeedData.ABEL_TUTER_SYS_ID + "\"}");
    }

    @Test
    void referenceLinksKeepTheRequestedVersion() {
        JsonNode result = json(client.get("/api/now/v2/table/incident/" + sysId)).get("result");

        assertThat(result.at("/caller_id/link").asText())
                .isEqualTo(base + "/api/now/v2/table/sys_user/" + SeedData.ABEL_TUTER_SYS_ID);
    }

    @Test
    void fieldsSelectsColumnsIgnoresUnknownOnesAndDotWalks() {
        JsonNode result = get("sysparm_fields=number,caller_id.email,no_such_field,assignment_group.name");

        assertThat(result.fieldNames()).toIterable()
                .containsExactly("number", "caller_id.email", "assignment_group.name");
        assertThat(result.get("caller_id.email").asText()).isEqualTo("abel.tuter@example.com");
        assertThat(result.get("assignment_group.name").asText()).isEqualTo("Network");
    }

    @Test
    void dateTimesFollowTheViewersOwnTimeZone() {
        emulator.update("sys_user", SeedData.INTEGRATION_USER_SYS_ID, Map.of("time_zone", "Europe/Berlin"), "admin");

        assertThat(get("sysparm_display_value=true").get("sys_created_on").asText()).isEqualTo("2024-01-15 11:00:00");
    }

    @Test
    void writesReturnTheRequestedDisplayForm() {
        JsonNode result = json(client.patch("/api/now/table/incident/" + sysId
                + "?sysparm_display_value=true&sysparm_exclude_reference_link=true", "{\"state\":\"2\"}"))
                .get("result");

        assertThat(result.get("state").asText()).isEqualTo("In Progress");
        assertThat(result.get("caller_id").asText()).isEqualTo("Abel Tuter");
    }

    private JsonNode get(String query) {
        return json(client.get("/api/now/table/incident/" + sysId + "?" + query)).get("result");
    }
}
