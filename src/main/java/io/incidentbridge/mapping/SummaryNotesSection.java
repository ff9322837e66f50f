package io.incidentbridge.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * The ServiceNow notes section the bridge keeps at the end of an incident.io summary (bridge.back-sync.notes-target
 * {@code summary} or {@code both}): the responder's text, a blank line, the marker line, then the notes, newest first,
 * one paragraph each. Everything from the marker on belongs to the bridge and is replaced with each new note; the text
 * above it is the responder's, and it alone is the summary ServiceNow sees (the outbound mapping never gets the
 * section, so a new note writes nothing to ServiceNow).
 */
public final class SummaryNotesSection {
    public static final String MARKER = "--- ServiceNow notes (updated by Incident Bridge; edits here are replaced) ---";
    private static final String PARAGRAPH = "\n\n";

    private SummaryNotesSection() {
    }

    /** Whether the summary holds a section (a marker at the start of a line). */
    public static boolean present(String summary) {
        return first(summary) >= 0;
    }

    /**
     * The responder's text: the summary without the section and the blank line the bridge put before it. A summary
     * without a section is returned as it is, so the text the responder wrote reads exactly as before.
     */
    public static String responderText(String summary) {
        int marker = first(summary);
        if (marker < 0) {
            return summary;
        }
        String text = summary.substring(0, marker);
        return text.endsWith(PARAGRAPH) ? text.substring(0, text.length() - PARAGRAPH.length()) : text.stripTrailing();
    }

    /** The notes the section shows now, newest first as one text; empty without a section. */
    public static String notes(String summary) {
        int marker = last(summary);
        return marker < 0 ? "" : summary.substring(marker + MARKER.length()).strip();
    }

    /** The summary with {@code notes} as its section below the responder's text; without notes, the text alone. */
    public static String compose(String responderText, String notes) {
        String text = responderText == null ? "" : responderText;
        if (notes.isBlank()) {
            return text;
        }
        return (text.isEmpty() ? "" : text + PARAGRAPH) + MARKER + PARAGRAPH + notes.strip();
    }

    /**
     * The notes with {@code lines} (oldest first, as servicenow-to-incident.jslt gives them) on top, newest first, those
     * already shown left out; the older notes that no longer fit in {@code maxCharacters} are dropped whole (a single
     * note longer than that is cut and ends with "…"). The current notes when no line is new.
     */
    public static String withNewNotes(String current, List<String> lines, int maxCharacters) {
        List<String> fresh = new ArrayList<>();
        for (String line : lines) {
            String note = line.strip();
            if (!note.isEmpty() && !current.contains(note) && !fresh.contains(note)) {
                fresh.add(0, note);
            }
        }
        if (fresh.isEmpty()) {
            return current;
        }
        String notes = String.join(PARAGRAPH, fresh) + (current.isBlank() ? "" : PARAGRAPH + current.strip());
        return within(notes, maxCharacters);
    }

    private static String within(String notes, int maxCharacters) {
        if (notes.length() <= maxCharacters) {
            return notes;
        }
        int end = notes.lastIndexOf(PARAGRAPH, maxCharacters);
        return end > 0 ? notes.substring(0, end) : notes.substring(0, maxCharacters - 1) + "…";
    }

    private static int first(String summary) {
        if (summary == null) {
            return -1;
        }
        if (summary.startsWith(MARKER)) {
            return 0;
        }
        int at = summary.indexOf("\n" + MARKER);
        return at < 0 ? -1 : at + 1;
    }

    private static int last(String summary) {
        if (summary == null) {
            return -1;
        }
        int at = summary.lastIndexOf("\n" + MARKER);
        return at >= 0 ? at + 1 : summary.startsWith(MARKER) ? 0 : -1;
    }
}
