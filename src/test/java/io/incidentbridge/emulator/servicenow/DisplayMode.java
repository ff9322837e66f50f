package io.incidentbridge.emulator.servicenow;

import java.util.Locale;

/** sysparm_display_value: false (stored values, default), true (display values), all (both) (§1.2). */
enum DisplayMode {
    FALSE, TRUE, ALL;

    static DisplayMode parse(String value) {
        if (value == null) {
            return FALSE;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> TRUE;
            case "all" -> ALL;
            default -> FALSE;
        };
    }
}
