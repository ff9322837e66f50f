package io.incidentbridge.emulator.servicenow;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code /api/now[/v1|/v2]/table/{table}[/{sys_id}]} (§1.1). A null version is the unversioned URL. */
record TablePath(String version, String table, String sysId) {

    private static final Pattern PATH = Pattern.compile("^/api/now(?:/(v[12]))?/table/([^/]+)(?:/([^/]*))?/?$");

    static Optional<TablePath> parse(String path) {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        String sysId = m.group(3) == null || m.group(3).isEmpty() ? null : m.group(3);
        return Optional.of(new TablePath(m.group(1), m.group(2), sysId));
    }

    /** Links and Location keep the version segment the client used (§1.6, §5.3). */
    String apiBase(String origin) {
        return origin + "/api/now" + (version == null ? "" : "/" + version);
    }
}
