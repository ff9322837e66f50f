package io.incidentbridge.emulator.servicenow;

/**
 * One {@code <field><operator><value>} term. A null operator marks a term that did not parse; like a term on
 * an unknown field it is dropped before evaluation (invalid parts are ignored, c_TableAPI.md sysparm_query).
 * {@code matchDisplayValue} is set for name=value URL filters, which accept choice labels and reference
 * display values (§1.2 name-value pairs row).
 */
record Condition(String field, Operator operator, String value, boolean matchDisplayValue) {
}
