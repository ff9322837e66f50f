package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.emulator.core.RecordedRequest;
import io.incidentbridge.servicenow.ServiceNowColumns;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A template that does not cut: an operator took truncate() out, so the whole incident.io name goes to
 * short_description (a 160-character column in ServiceNow) and to a custom field, u_incident_name, whose column holds
 * 40. ServiceNow keeps what fits. The bridge learns each column's length from ServiceNow's answer to its first write and
 * compares what ServiceNow keeps: the incident is written once, a later webhook writes nothing, and reconciliation finds
 * nothing to repair. A bridge of its own (the template differs), with its own database.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ColumnLengthsApplicationTest extends BridgeApplicationTest {
    private static final String TEMPLATE = "incident-to-servicenow.jslt";
    private static final String CUT_NAME_LINE = "\"short_description\": truncate(.name, 160),";
    private static final String NAME = ("Payments gateway times out for EU card authorisations after the 14:00 deploy; "
            + "retries pile up in the queue and support sees double charges. ").repeat(3).substring(0, 300);

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    ServiceNowColumns columns;

    @DynamicPropertySource
    static void aBridgeOfItsOwn(DynamicPropertyRegistry registry) {
        aDatabaseOfItsOwn(registry, "bridge-column-lengths-tests");
    }

    @BeforeAll
    static void anAdminAddedACustomFieldWithAShortColumn() {
        SERVICENOW.addCustomField("incident", "u_incident_name", 40);
    }

    /** The operator saves the template without truncate() (in this bridge's database only), mapping the name whole. */
    @BeforeEach
    void theOperatorsTemplateDoesNotCut() throws Exception {
        String shipped = Files.readString(MAPPINGS.resolve(TEMPLATE));
        assertThat(shipped).contains(CUT_NAME_LINE);
        String uncut = shipped.replace(CUT_NAME_LINE, "\"short_description\": .name,\n  \"u_incident_name\": .name,");
        HttpResponse<String> current = admin().call("GET", "/api/mappings/" + TEMPLATE, ADMIN_USER, ADMIN_PASSWORD);
        if (!json.readTree(current.body()).path("content").asText().equals(uncut)) {
            HttpResponse<String> saved = admin().call("PUT", "/api/mappings/" + TEMPLATE, ADMIN_USER, ADMIN_PASSWORD,
                    json.writeValueAsString(Map.of("content", uncut, "comment", "the name whole, to a custom field too")));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        }
    }

    @Test
    void aNameLongerThanItsColumnsIsWrittenOnceInFullAndThenSettles() throws Exception {
        String id = newIncident(NAME).path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));

        Map<String, String> record = awaitServiceNowIncident(id, Map.of("short_description", NAME.substring(0, 160),
                "u_incident_name", NAME.substring(0, 40)));
        awaitWholeInboxDrained();
        List<RecordedRequest> writes = writesFor(id);
        assertThat(writes).hasSize(1);
        assertThat(json.readTree(writes.get(0).body()).path("short_description").asText()).as("the first write is whole")
                .isEqualTo(NAME);
        assertThat(columns.length("incident", "short_description")).contains(160);
        assertThat(columns.length("incident", "u_incident_name")).contains(40);
        assertThat(storedLink(id)).contains(NAME.substring(0, 160)).doesNotContain(NAME.substring(0, 161));

        webhooks().send(event("public_incident.incident_updated_v2", id));
        awaitWholeInboxDrained();
        assertThat(writesFor(id)).as("a later webhook finds nothing to write").hasSize(1);

        JsonNode dry = reconcile(true);
        assertThat(dry.path("details").asText()).doesNotContain(record.get("number"));
        JsonNode real = reconcile(false);
        assertThat(real.path("details").asText()).doesNotContain(record.get("number"));
        awaitWholeInboxDrained();
        assertThat(writesFor(id)).hasSize(1);
        assertThat(serviceNowIncident(id).orElseThrow()).containsEntry("short_description", NAME.substring(0, 160))
                .containsEntry("u_incident_name", NAME.substring(0, 40));
    }

    @Test
    void aNameMadeLongerThanItsColumnsIsWrittenOnceMoreAndThenSettles() throws Exception {
        String id = newIncident("Checkout fails").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        awaitServiceNowIncident(id, Map.of("short_description", "Checkout fails", "u_incident_name", "Checkout fails"));
        awaitWholeInboxDrained();

        INCIDENTIO.updateIncident(id, incident -> incident.put("name", NAME));
        webhooks().send(event("public_incident.incident_updated_v2", id));
        Map<String, String> record = awaitServiceNowIncident(id, Map.of("short_description", NAME.substring(0, 160),
                "u_incident_name", NAME.substring(0, 40)));
        awaitWholeInboxDrained();
        webhooks().send(event("public_incident.incident_updated_v2", id));
        awaitWholeInboxDrained();

        assertThat(writesFor(id)).as("the POST and the PATCH of the new name").hasSize(2);
        JsonNode real = reconcile(false);
        assertThat(real.path("details").asText()).doesNotContain(record.get("number"));
        awaitWholeInboxDrained();
        assertThat(writesFor(id)).hasSize(2);
    }

    @Test
    void anAgentsWorkNoteOnARecordWithACutNameLeavesTheNameWholeInIncidentIo() {
        installCallbackRule();
        ServiceNowUser beth = ServiceNowUser.signedIn(SERVICENOW, "beth.anglin");
        String id = newIncident(NAME).path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        String sysId = awaitServiceNowIncident(id, Map.of("short_description", NAME.substring(0, 160))).get("sys_id");
        settle(id);

        beth.update("incident", sysId, Map.of("work_notes", "Card processor confirms the timeouts"));
        int writes = writesFor(id).size();
        await().atMost(PATIENCE).until(() -> serviceNowNotes(id).contains("Card processor confirms the timeouts"));
        settle(id);

        assertThat(INCIDENTIO.incident(id).path("name").asText()).as("ServiceNow's cut value is no change of name")
                .isEqualTo(NAME);
        assertThat(writesFor(id)).as("nothing written back to ServiceNow").hasSize(writes);
    }

    private String storedLink(String incidentId) {
        return jdbc.queryForObject("SELECT synced_fields FROM record_link WHERE source_id = ?", String.class, incidentId);
    }

    private void awaitWholeInboxDrained() {
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM inbox_event WHERE status = 'PENDING'", Long.class) == 0);
    }

    private JsonNode reconcile(boolean dryRun) throws Exception {
        HttpResponse<String> response = admin().call("POST", "/api/reconciliation/runs?full=true&dryRun=" + dryRun,
                ADMIN_USER, ADMIN_PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private AdminClient admin() {
        return new AdminClient(port);
    }
}
