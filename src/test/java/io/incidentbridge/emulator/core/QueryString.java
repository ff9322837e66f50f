package io.incidentbridge.emulator.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query string or form body, kept both raw (ServiceNow's Link headers echo parameters exactly as received) and
 * decoded, with repeats kept (incident.io's deep-object filters may repeat a key:
 * {@code status_category[one_of]=live&status_category[one_of]=triage}).
 */
public final class QueryString {

    /** One parameter; {@code rawValue} is null when the parameter had no '='. */
    public record Pair(String rawName, String rawValue, String name, String value) {
    }

    /** A malformed %-escape; each emulator answers it as its real system would. */
    public static final class MalformedException extends IllegalArgumentException {
        MalformedException(String raw, IllegalArgumentException cause) {
            super("malformed escape in " + raw, cause);
        }
    }

    private final List<Pair> pairs;

    private QueryString(List<Pair> pairs) {
        this.pairs = List.copyOf(pairs);
    }

    public static QueryString parse(String raw) {
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

    public List<Pair> pairs() {
        return pairs;
    }

    /** The first value of a parameter, or null. */
    public String value(String name) {
        return pairs.stream().filter(p -> p.name().equals(name)).map(Pair::value).findFirst().orElse(null);
    }

    /** Every parameter with its first value. */
    public Map<String, String> decoded() {
        Map<String, String> values = new LinkedHashMap<>();
        pairs.forEach(p -> values.putIfAbsent(p.name(), p.value()));
        return values;
    }

    /** Every parameter with all its values, in order. */
    public Map<String, List<String>> repeated() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        pairs.forEach(p -> values.computeIfAbsent(p.name(), n -> new ArrayList<>()).add(p.value()));
        return values;
    }

    /** Every parameter with its values joined by commas. */
    public Map<String, String> joined() {
        Map<String, String> values = new LinkedHashMap<>();
        repeated().forEach((name, list) -> values.put(name, String.join(",", list)));
        return values;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new MalformedException(raw, malformed);
        }
    }
}
