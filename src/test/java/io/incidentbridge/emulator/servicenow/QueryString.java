package io.incidentbridge.emulator.servicenow;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query string or form body, kept both raw (Link headers echo parameters exactly as received, §1.8)
 * and decoded (first value wins).
 */
final class QueryString {

    /** One parameter; {@code rawValue} is null when the parameter had no '='. */
    record Pair(String rawName, String rawValue, String name, String value) {
    }

    private final List<Pair> pairs;

    private QueryString(List<Pair> pairs) {
        this.pairs = List.copyOf(pairs);
    }

    static QueryString parse(String raw) {
        List<Pair> pairs = new ArrayList<>();
        if (raw != null && !raw.isEmpty()) {
            for (String part : raw.split("&")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String rawName = eq < 0 ? part : part.substring(0, eq);
                String rawValue = eq < 0 ? null : part.substring(eq + 1);
                pairs.add(new Pair(rawName, rawValue, decode(rawName), rawValue == null ? "" : decode(rawValue)));
            }
        }
        return new QueryString(pairs);
    }

    String value(String name) {
        return pairs.stream().filter(p -> p.name().equals(name)).map(Pair::value).findFirst().orElse(null);
    }

    Map<String, String> decoded() {
        Map<String, String> values = new LinkedHashMap<>();
        pairs.forEach(p -> values.putIfAbsent(p.name(), p.value()));
        return values;
    }

    /**
     * The query as received with sysparm_limit and sysparm_offset set: replaced where they were,
     * appended (limit, then offset) where they were not - as in the captures of §1.8.
     */
    String withPagination(long limit, long offset) {
        List<String> parts = new ArrayList<>();
        boolean limitSeen = false;
        boolean offsetSeen = false;
        for (Pair p : pairs) {
            if (p.name().equals("sysparm_limit")) {
                parts.add("sysparm_limit=" + limit);
                limitSeen = true;
            } else if (p.name().equals("sysparm_offset")) {
                parts.add("sysparm_offset=" + offset);
                offsetSeen = true;
            } else {
                parts.add(p.rawValue() == null ? p.rawName() : p.rawName() + "=" + p.rawValue());
            }
        }
        if (!limitSeen) {
            parts.add("sysparm_limit=" + limit);
        }
        if (!offsetSeen) {
            parts.add("sysparm_offset=" + offset);
        }
        return String.join("&", parts);
    }

    /** A malformed %-escape is a client error, answered like any unroutable request. */
    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new ApiException(ErrorResponses.unknownResource());
        }
    }
}
