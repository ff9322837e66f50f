package io.incidentbridge.emulator.servicenow;

/** An insert whose sys_id already exists; the Table API answers it with 403 "Error during insert" (§1.6). */
final class DuplicateRecordException extends RuntimeException {

    private final String table;
    private final String displayValue;

    DuplicateRecordException(String table, String displayValue) {
        super("Error during insert of " + table + " (" + displayValue + ")");
        this.table = table;
        this.displayValue = displayValue;
    }

    String table() {
        return table;
    }

    String displayValue() {
        return displayValue;
    }
}
