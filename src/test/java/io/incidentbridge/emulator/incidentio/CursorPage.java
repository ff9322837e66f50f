package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.Json;
import java.util.List;

/**
 * One page of a cursor-paginated list. The cursor is the id of the last item already seen; because ids sort in
 * creation order, the next page starts after that id in the list's order even if that item has since dropped
 * out of the filter. {@code pagination_meta.after} is omitted on the last page (reference b.4).
 */
record CursorPage(List<ObjectNode> items, String after) {

    /** {@code sorted} must already be in the list's order: newest first (ids descending) or oldest first. */
    static CursorPage of(List<ObjectNode> sorted, boolean newestFirst, String after, int pageSize) {
        List<ObjectNode> rest = after == null ? sorted : sorted.stream()
                .filter(item -> {
                    int order = item.path("id").asText().compareTo(after);
                    return newestFirst ? order < 0 : order > 0;
                }).toList();
        List<ObjectNode> page = rest.subList(0, Math.min(pageSize, rest.size()));
        String next = rest.size() > pageSize ? page.get(page.size() - 1).path("id").asText() : null;
        return new CursorPage(List.copyOf(page), next);
    }

    /** The page_size parameter: {@code defaultSize} when absent, 1..max otherwise. */
    static int pageSize(ApiCall call, Integer defaultSize, int max) {
        String raw = call.queryParam("page_size");
        if (raw == null) {
            if (defaultSize == null) {
                throw ApiError.required("page_size");
            }
            return defaultSize;
        }
        int size;
        try {
            size = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiError.invalid("page_size", "page_size must be a whole number");
        }
        if (size < 1 || size > max) {
            throw ApiError.invalid("page_size", "page_size must be between 1 and " + max);
        }
        return size;
    }

    ObjectNode meta(int pageSize, Integer totalRecordCount) {
        ObjectNode meta = Json.object();
        if (after != null) {
            meta.put("after", after);
        }
        meta.put("page_size", pageSize);
        if (totalRecordCount != null) {
            meta.put("total_record_count", totalRecordCount);
        }
        return meta;
    }
}
