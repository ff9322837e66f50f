package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code severity[one_of|not_in|gte|lte]} by severity id; gte and lte compare ranks ("lower numbers are less
 * severe", reference b.3). An incident without a severity matches only not_in.
 */
final class SeverityFilter implements Predicate<JsonNode> {
    private final String operator;
    private final List<String> ids;
    private final int rank;

    SeverityFilter(Organisation organisation, String operator, List<String> ids, String param) {
        this.operator = operator;
        this.ids = ids;
        for (String id : ids) {
            organisation.severity(id).orElseThrow(() -> ApiError.invalid(param, "no severity with id " + id));
        }
        if (operator.equals("gte") || operator.equals("lte")) {
            if (ids.size() != 1) {
                throw ApiError.invalid(param, param + " takes exactly one severity id");
            }
            ObjectNode severity = organisation.severity(ids.get(0)).orElseThrow();
            rank = severity.path("rank").asInt();
        } else if (operator.equals("one_of") || operator.equals("not_in")) {
            rank = 0;
        } else {
            throw ApiError.invalid(param, "the operator " + operator + " is not accepted here; use one_of, not_in, gte or lte");
        }
    }

    @Override
    public boolean test(JsonNode incident) {
        JsonNode severity = incident.path("severity");
        boolean none = !severity.isObject();
        return switch (operator) {
            case "one_of" -> !none && ids.contains(severity.path("id").asText());
            case "not_in" -> none || !ids.contains(severity.path("id").asText());
            case "gte" -> !none && severity.path("rank").asInt() >= rank;
            default -> !none && severity.path("rank").asInt() <= rank;
        };
    }
}
