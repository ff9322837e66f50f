package io.incidentbridge.emulator.servicenow;

import static io.incidentbridge.emulator.servicenow.EmulatorClient.encode;
import static io.incidentbridge.emulator.servicenow.EmulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceNowEmulatorJournalTest extends EmulatorTestBase {

    private static final String ENTRY_HEADER =
            "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} - Incident Bridge Integration \\(%s\\)\n";

    private String sysId;

    @BeforeEach
    void start() {
        sysId = client.createIncident("{\"short_description\":\"Journal\",\"work_notes\":\"First note\"}");
    }

    @Test
    void writingAJournalFieldAppendsAJournalRow() {
        client.patch("/api/now/table/incident/" + sysId, "{\"comments\":\"Customer update\"}");
        client.patch("/api/now/table/incident/" + sysId, "{\"work_notes\":\"Second note\"}");

        List<Map<String, String>> entries = emulator.journal(sysId);

        assertThat(entries).extracting(e -> e.get("element"), e -> e.get("value")).containsExactly(
                tuple("work_notes", "First note"),
                tuple("comments", "Customer update"),
                tuple("work_notes", "Second note"));
        assertThat(entries.get(0)).containsEntry("name", "incident").containsEntry("element_id", sysId)
                .containsEntry("sys_created_by", ServiceNowEmulator.USERNAME)
                .containsKeys("sys_id", "sys_created_on");
    }

    @Test
    void journalFieldsReadBackEmptyAsRawValues() {
        JsonNode result = json(client.get("/api/now/table/incident/" + sysId)).get("result");

        assertThat(result.get("work_notes").asText()).isEmpty();
        assertThat(result.get("comments").asText()).isEmpty();
        assertThat(result.get("comments_and_work_notes").asText()).isEmpty();
    }

    @Test
    void displayValueIsTheHistoryNewestFirst() {
        client.patch("/api/now/table/incident/" + sysId, "{\"work_notes\":\"Second note\"}");
        client.patch("/api/now/table/incident/" + sysId, "{\"comments\":\"Customer update\"}");

        JsonNode result = json(client.get("/api/now/table/incident/" + sysId + "?sysparm_display_value=true"))
                .get("result");

        assertThat(result.get("work_notes").asText()).matches(String.format(ENTRY_HEADER, "Work notes")
                + "Second note\n\n" + String.format(ENTRY_HEADER, "Work notes") + "First note\n\n");
        assertThat(result.get("comments").asText())
                .matches(String.format(ENTRY_HEADER, "Additional comments") + "Customer update\n\n");
        assertThat(result.get("comments_and_work_notes").asText()).matches(
                String.format(ENTRY_HEADER, "Additional comments") + "Customer update\n\n"
                        + String.format(ENTRY_HEADER, "Work notes") + "Second note\n\n"
                        + String.format(ENTRY_HEADER, "Work notes") + "First note\n\n");
    }

    @Test
    void allModeGivesHistoryAndEmptyValue() {
        JsonNode result = json(client.get("/api/now/table/incident/" + sysId + "?sysparm_display_value=all"))
                .get("result");

        assertThat(result.at("/work_notes/value").asText()).isEmpty();
        assertThat(result.at("/work_notes/display_value").asText()).endsWith("(Work notes)\nFirst note\n\n");
    }

    @Test
    void anEmptyEntryAddsNothingAndIsNoUpdate() {
        JsonNode result = json(client.patch("/api/now/table/incident/" + sysId, "{\"work_notes\":\"\"}"))
                .get("result");

        assertThat(emulator.journal(sysId)).hasSize(1);
        assertThat(result.get("sys_mod_count").asText()).isEqualTo("0");
    }

    @Test
    void aNoteIsAnUpdate() {
        JsonNode result = json(client.patch("/api/now/table/incident/" + sysId, "{\"work_notes\":\"More\"}"))
                .get("result");

        assertThat(result.get("sys_mod_count").asText()).isEqualTo("1");
    }

    @Test
    void journalEntriesAreQueryableThroughTheTableApi() {
        client.patch("/api/now/table/incident/" + sysId, "{\"comments\":\"Customer update\"}");

        JsonNode result = json(client.get("/api/now/table/sys_journal_field?sysparm_query="
                + encode("element_id=" + sysId + "^element=comments^ORDERBYDESCsys_created_on"))).get("result");

        assertThat(result).hasSize(1);
        assertThat(result.get(0).get("value").asText()).isEqualTo("Customer update");
        assertThat(result.get(0).get("name").asText()).isEqualTo("incident");
    }

    @Test
    void notesWrittenThroughTaskAreFiledUnderTheIncident() {
        client.patch("/api/now/table/task/" + sysId, "{\"work_notes\":\"Via task\"}");

        JsonNode result = json(client.get("/api/now/table/incident/" + sysId + "?sysparm_display_value=true"))
                .get("result");

        assertThat(emulator.journal(sysId)).extracting(e -> e.get("name")).containsOnly("incident");
        assertThat(result.get("work_notes").asText()).contains("Via task");
    }
}
