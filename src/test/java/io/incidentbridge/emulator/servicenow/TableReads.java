package io.incidentbridge.emulator.servicenow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.incidentbridge.emulator.core.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GET (and HEAD) on the Table API: lists with pagination headers, and single records (§1.1-§1.4). */
final class TableReads {

    /** sysparm_limit default in the Australia docs (§1.2). */
    private static final long DEFAULT_LIMIT = 10_000;

    private final RecordStore store;
    private final RecordQuery query;
    private final RecordRenderer renderer;
    private final AccessPolicy access;
    private final UserDirectory users;

    TableReads(RecordStore store, RecordQuery query, RecordRenderer renderer, AccessPolicy access,
               UserDirectory users) {
        this.store = store;
        this.query = query;
        this.renderer = renderer;
        this.access = access;
        this.users = users;
    }

    ApiResponse list(ApiRequest request, UserAccount user, TablePath path, TableSchema table) {
        List<Map<String, String>> matched = query.select(table, filter(request));
        long total = matched.size();
        long limit = number(request.param("sysparm_limit"), DEFAULT_LIMIT);
        long offset = Math.max(0, number(request.param("sysparm_offset"), 0));
        long from = Math.min(offset, total);
        long to = Math.min(total, from + Math.max(0, Math.min(limit, total)));
        // "This limit is applied before ACL evaluation" (§1.2): unreadable rows leave the page short, even empty.
        List<Map<String, String>> page = matched.subList((int) from, (int) to).stream()
                .filter(row -> access.canRead(user, table.name(), row))
                .toList();
        if ("v1".equals(path.version()) && page.isEmpty()) {
            return ErrorResponses.noRecord();
        }
        ReadOptions options = ReadOptions.from(request, path, users.zone(user));
        ArrayNode result = Json.MAPPER.createArrayNode();
        page.forEach(row -> result.add(renderer.render(table, row, options)));
        ApiResponse response = ApiResponse.result(200, result);
        if (request.flag("sysparm_no_count")) {
            return response;
        }
        response = response.withHeader("X-Total-Count", String.valueOf(total));
        if (request.flag("sysparm_suppress_pagination_header")) {
            return response;
        }
        ApiResponse counted = response;
        return LinkHeader.build(request.origin() + request.path(), request.query(), offset, limit, total)
                .map(link -> counted.withHeader("Link", link))
                .orElse(counted);
    }

    /** GET one: an unknown sys_id and one hidden by ACL are the same 404 (§1.5). */
    ApiResponse one(ApiRequest request, UserAccount user, TablePath path, TableSchema table) {
        return store.row(table.name(), path.sysId())
                .map(r -> table.view(r.values()))
                .filter(row -> access.canRead(user, table.name(), row))
                .map(row -> ApiResponse.result(200,
                        renderer.render(table, row, ReadOptions.from(request, path, users.zone(user)))))
                .orElseGet(ErrorResponses::noRecord);
    }

    /** sysparm_query, else name=value parameters as equalities ("mutually exclusive with sysparm_query", §1.2). */
    private static EncodedQuery filter(ApiRequest request) {
        String encoded = request.param("sysparm_query");
        if (encoded != null) {
            return EncodedQueryParser.parse(encoded);
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        request.query().decoded().forEach((name, value) -> {
            if (!name.startsWith("sysparm_")) {
                pairs.put(name, value);
            }
        });
        return EncodedQuery.equalities(pairs);
    }

    private static long number(String value, long fallback) {
        return value != null && ValueOrder.isInteger(value) ? Long.parseLong(value) : fallback;
    }
}
