package io.incidentbridge.backsync;

import static io.incidentbridge.mapping.SummaryNotesSection.MARKER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.TestSettings;
import io.incidentbridge.config.BridgeProperties.NotesTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a new ServiceNow note goes in incident.io's edit, for each bridge.back-sync.notes-target. */
class ServiceNowNotesTest {
    private static final String NOTE = "2026-11-29 10:01:00 UTC, beth.anglin (work note): Rolled back the release";
    private static final String LATER = "2026-11-29 10:04:00 UTC, beth.anglin (comment): Customer confirmed the fix";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theDefaultIsTheCustomFieldAndTheSummaryIsLeftAlone() {
        ServiceNowNotes notes = notes(Map.of());
        ObjectNode edit = json.createObjectNode();

        notes.show(incident("Checkout fails."), List.of(NOTE), edit);

        assertThat(notes.target()).isEqualTo(NotesTarget.CUSTOM_FIELD);
        assertThat(edit.path("custom_field_entries").path(0).path("values").path(0).path("value_text").asText()).isEqualTo(NOTE);
        assertThat(edit.has("summary")).isFalse();
    }

    @Test
    void summaryPutsTheNotesBelowTheRespondersTextAndNotInTheCustomField() {
        ServiceNowNotes notes = notes(Map.of("bridge.back-sync.notes-target", "summary"));
        ObjectNode edit = json.createObjectNode();

        notes.show(incident("Checkout fails."), List.of(NOTE), edit);

        assertThat(edit.has("custom_field_entries")).isFalse();
        assertThat(edit.path("summary").asText()).isEqualTo("Checkout fails.\n\n" + MARKER + "\n\n" + NOTE);
    }

    @Test
    void aLaterNoteRewritesTheOneSectionAndANoteAlreadyShownChangesNothing() {
        ServiceNowNotes notes = notes(Map.of("bridge.back-sync.notes-target", "summary"));
        String shown = "Checkout fails.\n\n" + MARKER + "\n\n" + NOTE;
        ObjectNode later = json.createObjectNode();
        ObjectNode again = json.createObjectNode();

        notes.show(incident(shown), List.of(LATER), later);
        notes.show(incident(shown), List.of(NOTE), again);

        assertThat(later.path("summary").asText()).isEqualTo("Checkout fails.\n\n" + MARKER + "\n\n" + LATER + "\n\n" + NOTE);
        assertThat(again.isEmpty()).isTrue();
    }

    @Test
    void bothFillsTheCustomFieldAndTheSummary() {
        ServiceNowNotes notes = notes(Map.of("bridge.back-sync.notes-target", "both"));
        ObjectNode edit = json.createObjectNode();

        notes.show(incident("Checkout fails."), List.of(NOTE), edit);

        assertThat(edit.path("custom_field_entries")).hasSize(1);
        assertThat(edit.path("summary").asText()).endsWith(MARKER + "\n\n" + NOTE);
    }

    @Test
    void aNewDescriptionFromServiceNowReplacesTheRespondersTextAndKeepsTheSectionInEveryTarget() {
        for (NotesTarget target : NotesTarget.values()) {
            ServiceNowNotes notes = notes(Map.of("bridge.back-sync.notes-target", target.name()));
            ObjectNode edit = json.createObjectNode().put("summary", "Payments team is on it.");

            notes.show(incident("Checkout fails.\n\n" + MARKER + "\n\n" + NOTE), List.of(), edit);

            assertThat(edit.path("summary").asText()).as(target.name())
                    .isEqualTo("Payments team is on it.\n\n" + MARKER + "\n\n" + NOTE);
        }
    }

    @Test
    void withTheCustomFieldAsTargetASectionLeftInTheSummaryIsNotTouched() {
        ServiceNowNotes notes = notes(Map.of());
        ObjectNode edit = json.createObjectNode();

        notes.show(incident("Checkout fails.\n" + MARKER + "\n" + NOTE + "\n"), List.of(LATER), edit);

        assertThat(edit.has("summary")).isFalse();
    }

    @Test
    void anIncidentThatDoesNotListTheFieldYetGetsItsFirstNoteThroughTheAccountsFieldList() {
        ServiceNowNotes notes = notes(Map.of());
        ObjectNode incident = json.createObjectNode().put("id", "01INC").put("summary", "Checkout fails.");
        incident.putArray("custom_field_entries");

        notes.show(incident, List.of(NOTE), json.createObjectNode());
        ObjectNode edit = json.createObjectNode();
        notes.show(incident, List.of(NOTE), edit);

        assertThat(edit.path("custom_field_entries").path(0).path("custom_field_id").asText()).isEqualTo("cf-notes");
        assertThat(edit.path("custom_field_entries").path(0).path("values").path(0).path("value_text").asText())
                .isEqualTo(NOTE);
        assertThat(fieldListReads.get()).as("the field list is read once, then cached").isEqualTo(1);
    }

    @Test
    void aFieldTheAccountDoesNotHaveIsLeftOutAndTheSummaryStillWorks() {
        ServiceNowNotes notes = new ServiceNowNotes(json, TestSettings.load(Map.of("bridge.back-sync.notes-field", "Responder notes",
                "bridge.back-sync.notes-target", "both")), directory());
        ObjectNode edit = json.createObjectNode();

        notes.show(incident("Checkout fails."), List.of(NOTE), edit);

        assertThat(edit.has("custom_field_entries")).isFalse();
        assertThat(edit.path("summary").asText()).endsWith(MARKER + "\n\n" + NOTE);
    }

    private final java.util.concurrent.atomic.AtomicInteger fieldListReads = new java.util.concurrent.atomic.AtomicInteger();

    private ServiceNowNotes notes(Map<String, Object> settings) {
        return new ServiceNowNotes(json, TestSettings.load(settings), directory());
    }

    /** The account's custom fields as GET /v2/custom_fields lists them: the notes field and a Team field. */
    private CustomFieldDirectory directory() {
        com.fasterxml.jackson.databind.node.ArrayNode fields = json.createArrayNode();
        fields.addObject().put("id", "cf-notes").put("name", "ServiceNow notes").put("field_type", "text");
        fields.addObject().put("id", "cf-team").put("name", "Team").put("field_type", "single_select");
        return new CustomFieldDirectory(() -> {
            fieldListReads.incrementAndGet();
            return fields;
        }, java.time.Duration.ofHours(1), java.time.Clock.systemUTC());
    }

    private ObjectNode incident(String summary) {
        ObjectNode incident = json.createObjectNode().put("id", "01INC").put("summary", summary);
        ObjectNode entry = incident.putArray("custom_field_entries").addObject();
        entry.putObject("custom_field").put("id", "cf-notes").put("name", "ServiceNow notes");
        entry.putArray("values");
        return incident;
    }
}
