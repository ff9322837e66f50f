package io.incidentbridge.emulator.servicenow;

import io.incidentbridge.emulator.core.QueryString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pagination Link header, by the rules that fit every real capture (reference §1.8, checklist §F):
 * first = 0; prev = offset-limit when that is >= -1 (so limit 1 on the first page yields the real
 * {@code sysparm_offset=-1} quirk); next = offset+limit when below the total; last = floor((total-1)/limit)*limit;
 * no header at all for a single page.
 */
final class LinkHeader {

    private LinkHeader() {
    }

    static Optional<String> build(String url, QueryString query, long offset, long limit, long total) {
        if (total == 0 || limit <= 0 || (offset == 0 && total <= limit)) {
            return Optional.empty();
        }
        List<String> links = new ArrayList<>();
        links.add(link(url, query, limit, 0, "first"));
        if (offset - limit >= -1) {
            links.add(link(url, query, limit, offset - limit, "prev"));
        }
        if (offset + limit < total) {
            links.add(link(url, query, limit, offset + limit, "next"));
        }
        links.add(link(url, query, limit, (total - 1) / limit * limit, "last"));
        return Optional.of(String.join(",", links));
    }

    private static String link(String url, QueryString query, long limit, long offset, String rel) {
        return "<" + url + "?" + withPagination(query, limit, offset) + ">;rel=\"" + rel + "\"";
    }

    /**
     * The query as received with sysparm_limit and sysparm_offset set: replaced where they were,
     * appended (limit, then offset) where they were not - as in the captures of §1.8.
     */
    private static String withPagination(QueryString query, long limit, long offset) {
        List<String> parts = new ArrayList<>();
        boolean limitSeen = false;
        boolean offsetSeen = false;
        for (QueryString.Pair p : query.pairs()) {
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
}
