package io.incidentbridge.emulator.servicenow;

/** A comment or work note written through a journal field; it becomes one sys_journal_field row (§5.4). */
record JournalEntry(String element, String value) {
}
