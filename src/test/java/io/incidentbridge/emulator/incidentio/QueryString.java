package io.incidentbridge.emulator.incidentio;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Query parameters with repeats kept: incident.io's deep-object filters may repeat a key
 * ({@code status_category[one_of]=live&status_category[one_of]=triage}).
 */
final class QueryString {
    private QueryString() {
    }

    static Map<String, List<String>> parse(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    static Map<String, String> flatten(Map<String, List<String>> params) {
        Map<String, String> flat = new LinkedHashMap<>();
        params.forEach((name, values) -> flat.put(name, String.join(",", values)));
        return flat;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
