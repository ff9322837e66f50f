package io.incidentbridge.emulator.servicenow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.Json;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Aggregate API, count only: {@code GET /api/now/stats/{table}?sysparm_count=true[&sysparm_query=...]} ->
 * {@code {"result":{"stats":{"count":"42"}}}} with the count as a string (reference Addenda, §6.4).
 * Rows the caller cannot read are not counted.
 */
final class StatsEndpoint {

    private static final Pattern PATH = Pattern.compile("^/api/now(?:/v[12])?/stats/([^/]+)/?$");

    private final Schemas schemas;
    private final RecordQuery query;
    private final AccessPolicy access;

    StatsEndpoint(Schemas schemas, RecordQuery query, AccessPolicy access) {
        this.schemas = schemas;
        this.query = query;
        this.access = access;
    }

    static Optional<String> table(String path) {
        Matcher m = PATH.matcher(path);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    ApiResponse handle(ApiRequest request, UserAccount user, String tableName) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return ErrorResponses.methodNotAllowed(request.method());
        }
        TableSchema table = schemas.find(tableName)
                .orElseThrow(() -> new ApiException(ErrorResponses.invalidTable(tableName)));
        String encoded = request.param("sysparm_query");
        EncodedQuery filter = encoded == null ? EncodedQuery.ALL : EncodedQueryParser.parse(encoded);
        long count = query.select(table, filter).stream()
                .filter(row -> access.canRead(user, table.name(), row))
                .count();
        ObjectNode stats = Json.object();
        if (request.flag("sysparm_count")) {
            stats.put("count", String.valueOf(count));
        }
        ObjectNode result = Json.object();
        result.set("stats", stats);
        return ApiResponse.result(200, result);
    }
}
