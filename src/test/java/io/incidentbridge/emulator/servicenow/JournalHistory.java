package io.incidentbridge.emulator.servicenow;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The display value of a journal field: the whole history, newest first, each entry
 * {@code "<time in viewer TZ> - <user's name> (<field label>)\n<text>\n\n"} (reference §5.4, dev130168 capture).
 */
final class JournalHistory {

    static final Set<String> BOTH = Set.of("comments", "work_notes");

    private static final Map<String, String> LABELS = Map.of(
            "comments", "Additional comments", "work_notes", "Work notes");

    private final RecordStore store;

    JournalHistory(RecordStore store) {
        this.store = store;
    }

    String render(String table, String sysId, Set<String> elements, ZoneId zone) {
        List<Map<String, String>> entries = new ArrayList<>(store.rows("sys_journal_field").stream()
                .map(StoredRow::values)
                .filter(e -> table.equals(e.get("name")) && sysId.equals(e.get("element_id")))
                .filter(e -> elements.contains(e.get("element")))
                .toList());
        Collections.reverse(entries);
        StringBuilder history = new StringBuilder();
        for (Map<String, String> entry : entries) {
            history.append(GlideDateTime.inZone(entry.get("sys_created_on"), zone))
                    .append(" - ").append(userDisplayName(entry.get("sys_created_by")))
                    .append(" (").append(LABELS.get(entry.get("element"))).append(")\n")
                    .append(entry.get("value")).append("\n\n");
        }
        return history.toString();
    }

    private String userDisplayName(String userName) {
        return store.rows("sys_user").stream()
                .map(StoredRow::values)
                .filter(u -> userName.equals(u.get("user_name")))
                .map(u -> u.get("name"))
                .findFirst()
                .orElse(userName);
    }
}
