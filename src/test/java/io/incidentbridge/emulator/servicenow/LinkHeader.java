package io.incidentbridge.emulator.servicenow;

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
        return "<" + url + "?" + query.withPagination(limit, offset) + ">;rel=\"" + rel + "\"";
    }
}
