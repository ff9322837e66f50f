package io.incidentbridge.emulator.servicenow;

/** An {@code ORDERBY<field>} or {@code ORDERBYDESC<field>} term. */
record OrderBy(String field, boolean descending) {
}
