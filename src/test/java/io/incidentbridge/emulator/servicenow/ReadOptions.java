package io.incidentbridge.emulator.servicenow;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * How records are rendered: sysparm_fields (null = all), sysparm_display_value,
 * sysparm_exclude_reference_link, the base for reference links and the viewer's time zone.
 */
record ReadOptions(List<String> fields, DisplayMode mode, boolean excludeLinks, String apiBase, ZoneId zone) {

    static ReadOptions from(ApiRequest request, TablePath path, ZoneId zone) {
        String fields = request.param("sysparm_fields");
        List<String> selected = fields == null || fields.isBlank() ? null
                : Arrays.stream(fields.split(",")).map(String::trim).filter(f -> !f.isEmpty()).distinct().toList();
        return new ReadOptions(selected, DisplayMode.parse(request.param("sysparm_display_value")),
                request.flag("sysparm_exclude_reference_link"), path.apiBase(request.origin()), zone);
    }

    List<String> fieldsOr(List<String> all) {
        return fields == null ? all : fields;
    }
}
