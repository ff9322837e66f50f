package io.incidentbridge.mapping;

import static io.incidentbridge.mapping.SummaryNotesSection.MARKER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The notes section at the end of an incident.io summary: built, replaced, cut to size, and taken out again. */
class SummaryNotesSectionTest {
    private static final String FIRST = "2026-11-29 10:01:00 UTC, beth.anglin (work note): Rolled back the release";
    private static final String SECOND = "2026-11-29 10:04:00 UTC, beth.anglin (comment): Customer confirmed the fix";

    @Test
    void theSectionGoesBelowTheRespondersTextAndComesOffExactly() {
        String summary = SummaryNotesSection.compose("Checkout fails for EU cards.", FIRST);

        assertThat(summary).isEqualTo("Checkout fails for EU cards.\n\n" + MARKER + "\n\n" + FIRST);
        assertThat(SummaryNotesSection.responderText(summary)).isEqualTo("Checkout fails for EU cards.");
        assertThat(SummaryNotesSection.notes(summary)).isEqualTo(FIRST);
    }

    @Test
    void theRespondersTextKeepsItsOwnLineBreaksAndASummaryWithoutSectionIsLeftAlone() {
        String text = "Checkout fails.\n\n- EU cards\n- since 10:00\n";

        assertThat(SummaryNotesSection.responderText(SummaryNotesSection.compose(text, FIRST))).isEqualTo(text);
        assertThat(SummaryNotesSection.responderText(text)).isEqualTo(text);
        assertThat(SummaryNotesSection.present(text)).isFalse();
        assertThat(SummaryNotesSection.notes(text)).isEmpty();
        assertThat(SummaryNotesSection.responderText(null)).isNull();
    }

    @Test
    void anEmptySummaryGetsTheSectionAloneAndNoNotesMeansNoSection() {
        assertThat(SummaryNotesSection.compose("", FIRST)).isEqualTo(MARKER + "\n\n" + FIRST);
        assertThat(SummaryNotesSection.responderText(MARKER + "\n\n" + FIRST)).isEmpty();
        assertThat(SummaryNotesSection.compose("Checkout fails.", "")).isEqualTo("Checkout fails.");
    }

    @Test
    void aNewNoteReplacesTheSectionWithAllNotesNewestFirst() {
        String once = SummaryNotesSection.compose("Checkout fails.",
                SummaryNotesSection.withNewNotes("", List.of(FIRST), 2000));
        String twice = SummaryNotesSection.compose(SummaryNotesSection.responderText(once),
                SummaryNotesSection.withNewNotes(SummaryNotesSection.notes(once), List.of(SECOND), 2000));

        assertThat(twice).isEqualTo("Checkout fails.\n\n" + MARKER + "\n\n" + SECOND + "\n\n" + FIRST);
        assertThat(twice.split(java.util.regex.Pattern.quote(MARKER), -1)).hasSize(2);
    }

    @Test
    void linesArriveOldestFirstAndANoteAlreadyShownIsNotAddedAgain() {
        assertThat(SummaryNotesSection.withNewNotes("", List.of(FIRST, SECOND), 2000)).isEqualTo(SECOND + "\n\n" + FIRST);
        assertThat(SummaryNotesSection.withNewNotes(FIRST, List.of(FIRST), 2000)).isEqualTo(FIRST);
    }

    @Test
    void olderNotesThatNoLongerFitAreDroppedWholeAndAnOverlongNoteIsCut() {
        String notes = SummaryNotesSection.withNewNotes(FIRST, List.of(SECOND), FIRST.length() + SECOND.length());

        assertThat(notes).isEqualTo(SECOND);
        String longNote = "2026-11-29 10:05:00 UTC, beth.anglin (work note): " + "x".repeat(300);
        assertThat(SummaryNotesSection.withNewNotes("", List.of(longNote), 100)).hasSize(100).endsWith("…");
    }

    @Test
    void aSecondSectionSomeonePastedIsFoldedIntoOne() {
        String pasted = "Checkout fails.\n\n" + MARKER + "\n\n" + FIRST + "\n\n" + MARKER + "\n\n" + SECOND;

        assertThat(SummaryNotesSection.responderText(pasted)).isEqualTo("Checkout fails.");
        assertThat(SummaryNotesSection.notes(pasted)).isEqualTo(SECOND);
    }

    @Test
    void theMarkerCountsOnlyAtTheStartOfALine() {
        String quoted = "We saw \"" + MARKER + "\" in the summary.";

        assertThat(SummaryNotesSection.present(quoted)).isFalse();
        assertThat(SummaryNotesSection.responderText(quoted)).isEqualTo(quoted);
    }
}
