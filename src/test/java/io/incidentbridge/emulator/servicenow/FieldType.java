package io.incidentbridge.emulator.servicenow;

/** The dictionary types the emulator distinguishes, because each one reads, compares or displays differently. */
enum FieldType {
    STRING,
    /** Compared numerically by {@code <}, {@code >} and friends (reference §2, integer choice fields). */
    INTEGER,
    BOOLEAN,
    /** UTC {@code YYYY-MM-DD HH:MM:SS}; compares correctly as a string (§1.9). */
    DATETIME,
    /** Holds a sys_id; rendered as a link object and displayed as the target's display value (§1.3). */
    REFERENCE,
    /** comments / work_notes: writes append a sys_journal_field entry, raw reads are "" (§5.4). */
    JOURNAL_INPUT,
    /** comments_and_work_notes: a read-only interleaved view of both journals (§5.4). */
    JOURNAL_LIST,
    /** sys_class_name: displayed as the table's label, e.g. "Incident" (§5.3). */
    TABLE_NAME
}
