package io.incidentbridge.app;

import static io.incidentbridge.mapping.SummaryNotesSection.MARKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.incidentbridge.backsync.ServiceNowNotes;
import io.incidentbridge.config.BridgeProperties.NotesTarget;
import io.incidentbridge.emulator.core.RecordedRequest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * bridge.back-sync.notes-target = summary: ServiceNow work notes and comments show as one marked section at the end of
 * the incident.io summary, below the responder's text. Each note is one incident.io edit and no ServiceNow write; the
 * section never reaches ServiceNow's description, and a description changed in ServiceNow keeps it.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ServiceNowNotesInSummaryApplicationTest extends BridgeApplicationTest {
    private static final String RESPONDERS_TEXT = "Customer impact is being investigated.";

    @Autowired
    ServiceNowNotes notes;
    private ServiceNowUser beth;

    /** A bridge of its own, configured as a customer would, with its own database so no other bridge takes its work. */
    @DynamicPropertySource
    static void notesGoToTheSummary(DynamicPropertyRegistry registry) {
        registry.add("bridge.back-sync.notes-target", () -> "summary");
        aDatabaseOfItsOwn(registry, "bridge-notes-in-summary-tests");
    }

    @BeforeEach
    void aServiceDeskAgentWorksWithTheCallbackRule() {
        assertThat(notes.target()).isEqualTo(NotesTarget.SUMMARY);
        beth = ServiceNowUser.signedIn(SERVICENOW, "beth.anglin");
        installCallbackRule();
    }

    @Test
    void workNotesAppearOnceBelowTheRespondersTextNewestFirstAndOnlyTheTextGoesToServiceNow() {
        String id = newIncident("Notes in the summary").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        Map<String, String> created = awaitServiceNowIncident(id, Map.of("state", "2"));
        String sysId = created.get("sys_id");
        String link = link(created.get("description"));
        settle(id);

        beth.update("incident", sysId, Map.of("work_notes", "Rolled back the release"));
        int writes = writesFor(id).size();
        await().atMost(PATIENCE).until(() -> summary(id).contains("Rolled back the release"));
        echoesSettle(id);

        String once = summary(id);
        assertThat(once).startsWith(RESPONDERS_TEXT + "\n\n" + MARKER + "\n\n")
                .contains("beth.anglin (work note): Rolled back the release");
        assertThat(occurrences(once, MARKER)).isOne();
        assertThat(occurrences(once, "Rolled back the release")).isOne();
        assertThat(serviceNowNotes(id)).as("the custom field is not the target").isEmpty();
        assertThat(edits(id)).isEqualTo(1);
        assertThat(writesFor(id)).as("no write back to ServiceNow").hasSize(writes);

        beth.update("incident", sysId, Map.of("comments", "Customer confirmed the fix"));
        writes = writesFor(id).size();
        await().atMost(PATIENCE).until(() -> summary(id).contains("Customer confirmed the fix"));
        echoesSettle(id);

        String twice = summary(id);
        assertThat(twice).startsWith(RESPONDERS_TEXT + "\n\n" + MARKER + "\n\n");
        assertThat(occurrences(twice, MARKER)).as("the section is replaced, not added again").isOne();
        assertThat(occurrences(twice, "Rolled back the release")).isOne();
        assertThat(occurrences(twice, "beth.anglin (comment): Customer confirmed the fix")).isOne();
        assertThat(twice.indexOf("Customer confirmed the fix")).as("newest first").isLessThan(twice.indexOf("Rolled back the release"));
        assertThat(edits(id)).isEqualTo(2);
        assertThat(writesFor(id)).hasSize(writes);
        assertThat(SERVICENOW.record("incident", sysId).orElseThrow()).containsEntry("description", created.get("description"));

        // The responder rewrites the text above the section: ServiceNow gets the new text, without the section.
        String section = twice.substring(twice.indexOf("\n\n" + MARKER));
        INCIDENTIO.updateIncident(id, incident -> incident.put("summary", "EU card payments fail at the PSP." + section));
        webhooks().send(event("public_incident.incident_updated_v2", id));
        awaitServiceNowIncident(id, Map.of("description", "EU card payments fail at the PSP.\n\n" + link));
        settle(id);

        List<RecordedRequest> after = writesFor(id);
        assertThat(after).hasSize(writes + 1);
        assertThat(after.get(after.size() - 1).body()).contains("EU card payments fail at the PSP.")
                .doesNotContain("ServiceNow notes").doesNotContain("Rolled back the release");
        assertThat(SERVICENOW.record("incident", sysId).orElseThrow().get("description")).doesNotContain(MARKER);
        assertThat(edits(id)).as("the bridge's own write does not come back").isEqualTo(2);
        assertThat(summary(id)).isEqualTo("EU card payments fail at the PSP." + section);
    }

    @Test
    void aDescriptionChangedInServiceNowReplacesTheTextAboveTheSectionAndKeepsTheNotes() {
        String id = newIncident("Description changed under the notes").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        Map<String, String> created = awaitServiceNowIncident(id, Map.of("state", "2"));
        String sysId = created.get("sys_id");
        String link = link(created.get("description"));
        settle(id);
        beth.update("incident", sysId, Map.of("work_notes", "Paged the database team"));
        await().atMost(PATIENCE).until(() -> summary(id).contains("Paged the database team"));
        echoesSettle(id);
        String section = summary(id).substring(summary(id).indexOf("\n\n" + MARKER));

        beth.update("incident", sysId, Map.of("description", "Replica lag on the primary database.\n\n" + link));
        int writes = writesFor(id).size();
        await().atMost(PATIENCE).until(() -> summary(id).startsWith("Replica lag on the primary database."));
        echoesSettle(id);

        assertThat(summary(id)).isEqualTo("Replica lag on the primary database." + section);
        assertThat(occurrences(summary(id), "Paged the database team")).isOne();
        assertThat(edits(id)).isEqualTo(2);
        assertThat(writesFor(id)).hasSize(writes);
        assertThat(SERVICENOW.record("incident", sysId).orElseThrow())
                .containsEntry("description", "Replica lag on the primary database.\n\n" + link);
    }

    /** incident.io's webhook about the bridge's own edit arrives, and everything it could set off is done. */
    private void echoesSettle(String id) {
        webhooks().send(event("public_incident.incident_updated_v2", id));
        settle(id);
    }

    private long edits(String id) {
        return INCIDENTIO.count("POST", "/v2/incidents/" + id + "/actions/edit");
    }

    private static String link(String description) {
        return description.substring(description.lastIndexOf("incident.io: "));
    }

    private String summary(String id) {
        return INCIDENTIO.incident(id).path("summary").asText("");
    }

    private static int occurrences(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
