package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code created_at} / {@code updated_at} filters with gte, lte and date_range ({@code 2024-05-01~2024-05-31}).
 * incident.io's examples use dates ({@code updated_at[gte]=2024-05-01}); a full RFC 3339 timestamp is accepted
 * too, since a sync engine needs finer steps and whether incident.io takes one is not documented. A date bound
 * covers the whole day (UTC).
 */
final class TimeFilter implements Predicate<JsonNode> {
    private final String field;
    private final Instant from;
    private final Instant until;

    TimeFilter(String field, String operator, List<String> values, String param) {
        if (values.size() != 1) {
            throw ApiError.invalid(param, param + " takes exactly one value");
        }
        String value = values.get(0);
        this.field = field;
        switch (operator) {
            case "gte" -> {
                from = start(value, param);
                until = Instant.MAX;
            }
            case "lte" -> {
                from = Instant.MIN;
                until = end(value, param);
            }
            case "date_range" -> {
                String[] range = value.split("~", -1);
                if (range.length != 2) {
                    throw ApiError.invalid(param, "date_range takes two dates separated by ~");
                }
                from = start(range[0], param);
                until = end(range[1], param);
            }
            default -> throw ApiError.invalid(param, "the operator " + operator + " is not accepted here; use gte, lte or date_range");
        }
    }

    @Override
    public boolean test(JsonNode incident) {
        Instant at = Instant.parse(incident.path(field).asText());
        return !at.isBefore(from) && !at.isAfter(until);
    }

    private static Instant start(String value, String param) {
        return value.length() == 10 ? date(value, param).atStartOfDay().toInstant(ZoneOffset.UTC) : timestamp(value, param);
    }

    private static Instant end(String value, String param) {
        return value.length() == 10 ? date(value, param).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1)
                : timestamp(value, param);
    }

    private static LocalDate date(String value, String param) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiError.invalid(param, value + " is not a date (YYYY-MM-DD)");
        }
    }

    private static Instant timestamp(String value, String param) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.invalid(param, value + " is not a date (YYYY-MM-DD) or an RFC 3339 timestamp");
        }
    }
}
