package io.incidentbridge.servicenow;

import java.util.Map;

/** A ServiceNow row as the Table API returns it with reference links excluded: every value a string. */
public record ServiceNowRecord(String table, Map<String, String> fields) {
    public ServiceNowRecord {
        fields = Map.copyOf(fields);
    }

    public String sysId() {
        return fields.getOrDefault("sys_id", "");
    }

    public String number() {
        return fields.getOrDefault("number", "");
    }
}
