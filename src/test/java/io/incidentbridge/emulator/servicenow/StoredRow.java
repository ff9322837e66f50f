package io.incidentbridge.emulator.servicenow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A stored record: the concrete table it belongs to (its sys_class_name) and all its raw values. */
record StoredRow(String table, Map<String, String> values) {

    StoredRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    String sysId() {
        return values.get("sys_id");
    }
}
