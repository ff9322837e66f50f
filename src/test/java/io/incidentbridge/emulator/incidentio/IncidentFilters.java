package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The list filters of {@code GET /v2/incidents} in deep-object form ({@code status_category[one_of]=live},
 * reference b.4): status, status_category, created_at, updated_at, severity, incident_type and mode, combined
 * with {@code filter_mode} all (default) or any. {@code mode[one_of]} defaults to standard,retrospective, so test
 * and tutorial incidents stay out of lists unless asked for; it always narrows, whatever the filter mode.
 * A value may be repeated or comma-separated.
 */
final class IncidentFilters {
    private static final Pattern DEEP_OBJECT = Pattern.compile("^([a-z_]+)\\[([a-z_]+)]$");
    private static final Set<String> CATEGORIES = Set.of("triage", "declined", "merged", "canceled", "live", "learning",
            "closed", "paused");
    private final List<Predicate<JsonNode>> filters = new ArrayList<>();
    private Predicate<JsonNode> mode = in("mode", List.of("standard", "retrospective"));
    private final boolean any;
    private final Organisation organisation;

    private IncidentFilters(boolean any, Organisation organisation) {
        this.any = any;
        this.organisation = organisation;
    }

    static IncidentFilters parse(Map<String, List<String>> query, Organisation organisation) {
        String filterMode = query.containsKey("filter_mode") ? last(query.get("filter_mode")) : "all";
        if (!filterMode.equals("all") && !filterMode.equals("any")) {
            throw ApiError.invalid("filter_mode", "filter_mode must be all or any");
        }
        IncidentFilters parsed = new IncidentFilters(filterMode.equals("any"), organisation);
        query.forEach((name, raw) -> {
            Matcher deep = DEEP_OBJECT.matcher(name);
            if (deep.matches()) {
                parsed.add(deep.group(1), deep.group(2), values(raw), name);
            }
        });
        return parsed;
    }

    boolean matches(JsonNode incident) {
        if (!mode.test(incident)) {
            return false;
        }
        if (filters.isEmpty()) {
            return true;
        }
        return any ? filters.stream().anyMatch(f -> f.test(incident)) : filters.stream().allMatch(f -> f.test(incident));
    }

    private void add(String field, String operator, List<String> values, String param) {
        switch (field) {
            case "status" -> filters.add(oneOfOrNotIn(operator, param, i -> i.path("incident_status").path("id").asText(), values));
            case "status_category" -> {
                values.stream().filter(v -> !CATEGORIES.contains(v)).findFirst().ifPresent(bad -> {
                    throw ApiError.invalid(param, "unknown status category " + bad + "; one of " + CATEGORIES);
                });
                filters.add(oneOfOrNotIn(operator, param, i -> i.path("incident_status").path("category").asText(), values));
            }
            case "created_at", "updated_at" -> filters.add(new TimeFilter(field, operator, values, param));
            case "severity" -> filters.add(new SeverityFilter(organisation, operator, values, param));
            case "incident_type" -> filters.add(oneOfOrNotIn(operator, param, i -> i.path("incident_type").path("id").asText(), values));
            case "mode" -> {
                if (!operator.equals("one_of")) {
                    throw ApiError.invalid(param, "mode accepts only one_of");
                }
                mode = in("mode", values);
            }
            default -> throw ApiError.invalid(param, "the filter " + field + " is not supported by this emulator");
        }
    }

    private static Predicate<JsonNode> oneOfOrNotIn(String operator, String param,
                                                    Function<JsonNode, String> value, List<String> values) {
        return switch (operator) {
            case "one_of" -> i -> values.contains(value.apply(i));
            case "not_in" -> i -> !values.contains(value.apply(i));
            default -> throw ApiError.invalid(param, "the operator " + operator + " is not accepted here; use one_of or not_in");
        };
    }

    private static Predicate<JsonNode> in(String field, List<String> values) {
        return incident -> values.contains(incident.path(field).asText());
    }

    private static List<String> values(List<String> raw) {
        return raw.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private static String last(List<String> values) {
        return values.get(values.size() - 1);
    }
}
