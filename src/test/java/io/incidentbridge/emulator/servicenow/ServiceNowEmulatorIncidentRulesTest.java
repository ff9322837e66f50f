package io.incidentbridge.emulator.servicenow;

import static io.incidentbridge.emulator.servicenow.EmulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceNowEmulatorIncidentRulesTest extends EmulatorTestBase {

    private static final String DATE_TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";

    @ParameterizedTest(name = "impact {0} x urgency {1} -> priority {2}")
    @CsvSource({"1,1,1", "1,2,2", "1,3,3", "2,1,2", "2,2,3", "2,3,4", "3,1,3", "3,2,4", "3,3,5"})
    void priorityFollowsTheLookupMatrix(String impact, String urgency, String priority) {
        JsonNode result = json(client.post("/api/now/table/incident",
                "{\"impact\":\"" + impact + "\",\"urgency\":\"" + urgency + "\"}")).get("result");

        assertThat(result.get("priority").asText()).isEqualTo(priority);
    }

    @Test
    void varcharFieldsAreCutAtTheirLengthAndLongTextIsKept() {
        String long300 = "x".repeat(299) + "y";
        String sysId = client.createIncident("{\"short_description\":\"" + long300 + "\",\"description\":\"" + long300
                + "\",\"correlation_id\":\"" + long300 + "\"}");
        JsonNode patched = json(client.patch("/api/now/table/incident/" + sysId, "{\"close_code\":\"" + long300
                + "\",\"short_description\":\"\ud83d\ude80" + long300 + "\"}")).get("result");

        assertThat(emulator.record("incident", sysId).orElseThrow())
                .containsEntry("description", long300).containsEntry("correlation_id", "x".repeat(100))
                .containsEntry("close_code", "x".repeat(40));
        assertThat(patched.get("short_description").asText()).isEqualTo("\ud83d\ude80" + "x".repeat(159));
    }

    @Test
    void aCustomFieldAndAChangedLengthCutAtTheirOwnLengthUntilReset() {
        String long300 = "x".repeat(299) + "y";
        emulator.addCustomField("incident", "u_title", 40);
        emulator.addCustomField("incident", "u_story", 4000);
        emulator.setColumnLength("incident", "short_description", 100);

        JsonNode created = json(client.post("/api/now/table/incident", "{\"u_title\":\"" + long300 + "\",\"u_story\":\""
                + long300 + "\",\"short_description\":\"" + long300 + "\"}")).get("result");

        assertThat(created.get("u_title").asText()).isEqualTo("x".repeat(40));
        assertThat(created.get("u_story").asText()).as("mediumtext keeps everything").isEqualTo(long300);
        assertThat(created.get("short_description").asText()).isEqualTo("x".repeat(100));

        emulator.resetColumnLengths();
        String sysId = created.get("sys_id").asText();
        JsonNode patched = json(client.patch("/api/now/table/incident/" + sysId, "{\"u_title\":\"y" + long300
                + "\",\"short_description\":\"y" + long300 + "\"}")).get("result");

        assertThat(patched.get("u_title").asText()).as("a custom field keeps its own length").isEqualTo("y" + "x".repeat(39));
        assertThat(patched.get("short_description").asText()).isEqualTo("y" + "x".repeat(159));
        assertThat(emulator.record("incident", sysId).orElseThrow()).containsEntry("u_title", "y" + "x".repeat(39));
    }

    @Test
    void priorityIsRecomputedOnUpdateAndCannotBeWrittenDirectly() {
        String sysId = client.createIncident("{\"impact\":\"1\",\"priority\":\"1\"}");
        assertThat(emulator.record("incident", sysId).orElseThrow()).containsEntry("priority", "3");

        JsonNode result = json(client.patch("/api/now/table/incident/" + sysId, "{\"urgency\":\"1\"}")).get("result");

        assertThat(result.get("priority").asText()).isEqualTo("1");
    }

    @Test
    void incidentStateMirrorsStateWhicheverIsWritten() {
        String sysId = client.createIncident("{}");

        client.patch("/api/now/table/incident/" + sysId, "{\"state\":\"2\"}");
        assertThat(emulator.record("incident", sysId).orElseThrow()).containsEntry("incident_state", "2");

        client.patch("/api/now/table/incident/" + sysId, "{\"incident_state\":\"3\"}");
        assertThat(emulator.record("incident", sysId).orElseThrow())
                .containsEntry("state", "3").containsEntry("incident_state", "3");
    }

    @Test
    void resolvingStampsResolvedAtAndByWithoutRequiringCloseFields() {
        String sysId = client.createIncident("{}");

        JsonNode result = json(client.patch("/api/now/table/incident/" + sysId
                + "?sysparm_exclude_reference_link=true", "{\"state\":\"6\"}")).get("result");

        assertThat(result.get("resolved_at").asText()).matches(DATE_TIME);
        assertThat(result.get("resolved_by").asText()).isEqualTo(SeedData.INTEGRATION_USER_SYS_ID);
        assertThat(result.get("active").asText()).isEqualTo("true");
        assertThat(result.get("closed_at").asText()).isEmpty();
    }

    @Test
    void closingStampsClosedAtAndByAndDeactivates() {
        String sysId = client.createIncident("{}");

        JsonNode result = json(client.patch("/api/now/table/incident/" + sysId
                + "?sysparm_exclude_reference_link=true", "{\"state\":\"7\",\"close_code\":\"Solution provided\","
                + "\"close_notes\":\"Fixed\"}")).get("result");

        assertThat(result.get("closed_at").asText()).matches(DATE_TIME);
        assertThat(result.get("closed_by").asText()).isEqualTo(SeedData.INTEGRATION_USER_SYS_ID);
        assertThat(result.get("resolved_at").asText()).matches(DATE_TIME);
        assertThat(result.get("active").asText()).isEqualTo("false");
    }

    @Test
    void cancelingDeactivates() {
        String sysId = client.createIncident("{}");

        client.patch("/api/now/table/incident/" + sysId, "{\"state\":\"8\"}");

        assertThat(emulator.record("incident", sysId).orElseThrow()).containsEntry("active", "false");
    }

    @Test
    void reopeningAResolvedIncidentReactivatesAndCounts() {
        String sysId = client.createIncident("{}");
        client.patch("/api/now/table/incident/" + sysId, "{\"state\":\"6\"}");

        client.patch("/api/now/table/incident/" + sysId, "{\"state\":\"2\"}");

        assertThat(emulator.record("incident", sysId).orElseThrow())
                .containsEntry("active", "true")
                .containsEntry("reopen_count", "1")
                .containsEntry("reopened_by", SeedData.INTEGRATION_USER_SYS_ID);
    }

    @Test
    void aCallerUpdateReleasesAnAwaitingCallerHold() {
        String sysId = client.createIncident("{\"caller_id\":\"" + SeedData.ABEL_TUTER_SYS_ID + "\",\"state\":\"3\","
                + "\"hold_reason\":\"1\"}");

        emulator.update("incident", sysId, Map.of("comments", "Here is the log you asked for"), "abel.tuter");

        assertThat(emulator.record("incident", sysId).orElseThrow())
                .containsEntry("state", "2").containsEntry("incident_state", "2").containsEntry("hold_reason", "");
    }

    @Test
    void closingATaskDeactivatesIt() {
        JsonNode task = json(client.post("/api/now/table/task", "{\"short_description\":\"Follow-up\"}")).get("result");
        assertThat(task.get("state").asText()).isEqualTo("1");
        assertThat(task.get("active").asText()).isEqualTo("true");

        JsonNode closed = json(client.patch("/api/now/table/task/" + task.get("sys_id").asText(),
                "{\"state\":\"3\"}")).get("result");

        assertThat(closed.get("active").asText()).isEqualTo("false");
        assertThat(closed.get("closed_at").asText()).matches(DATE_TIME);
    }
}
