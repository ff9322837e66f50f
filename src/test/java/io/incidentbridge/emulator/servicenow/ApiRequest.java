package io.incidentbridge.emulator.servicenow;

import io.incidentbridge.emulator.core.QueryString;
import java.util.Locale;
import java.util.Map;

/**
 * An incoming request. {@code method} is the effective method after X-HTTP-Method-Override (§1.1);
 * {@code headers} have lower-case names; {@code origin} is scheme://host:port as the client addressed us,
 * used for Location, Link and reference links.
 */
record ApiRequest(String method, String path, QueryString query, Map<String, String> headers, String body,
                  String origin) {

    ApiRequest {
        headers = Map.copyOf(headers);
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String param(String name) {
        return query.value(name);
    }

    boolean flag(String name) {
        return "true".equalsIgnoreCase(param(name));
    }
}
