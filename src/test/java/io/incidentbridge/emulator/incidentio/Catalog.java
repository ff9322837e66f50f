package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Catalog types and entries (v3), held as CatalogTypeV3 / CatalogEntryV3 JSON. */
final class Catalog {
    private final Map<String, ObjectNode> types = new LinkedHashMap<>();
    private final Map<String, ObjectNode> entries = new LinkedHashMap<>();
    private final MicrosClock clock;

    Catalog(MicrosClock clock) {
        this.clock = clock;
    }

    synchronized ObjectNode addType(ObjectNode type) {
        types.put(type.path("id").asText(), type);
        return type.deepCopy();
    }

    synchronized List<ObjectNode> types() {
        return copies(types);
    }

    synchronized Optional<ObjectNode> type(String id) {
        return Optional.ofNullable(types.get(id)).map(ObjectNode::deepCopy);
    }

    /** Adds an entry unless its type already has one with the same external id. */
    synchronized ObjectNode addEntry(ObjectNode entry) {
        String externalId = entry.path("external_id").asText(null);
        if (externalId != null && entries.values().stream().anyMatch(e -> sameType(e, entry)
                && externalId.equals(e.path("external_id").asText(null)))) {
            throw ApiError.invalid("external_id", "an entry with external_id " + externalId + " already exists in this catalog type");
        }
        entries.put(entry.path("id").asText(), entry);
        return entry.deepCopy();
    }

    synchronized List<ObjectNode> entries() {
        return copies(entries);
    }

    synchronized Optional<ObjectNode> entry(String id) {
        return Optional.ofNullable(entries.get(id)).map(ObjectNode::deepCopy);
    }

    synchronized ObjectNode changeEntry(String id, Consumer<ObjectNode> change) {
        ObjectNode after = entries.get(id).deepCopy();
        change.accept(after);
        after.put("updated_at", clock.next());
        entries.put(id, after);
        return after.deepCopy();
    }

    synchronized boolean removeEntry(String id) {
        return entries.remove(id) != null;
    }

    private static boolean sameType(ObjectNode a, ObjectNode b) {
        return a.path("catalog_type_id").asText().equals(b.path("catalog_type_id").asText());
    }

    private static List<ObjectNode> copies(Map<String, ObjectNode> items) {
        List<ObjectNode> copies = new ArrayList<>();
        items.values().forEach(i -> copies.add(i.deepCopy()));
        return copies;
    }
}
