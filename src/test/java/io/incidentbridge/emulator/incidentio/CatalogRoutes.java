package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.Json;
import java.util.List;
import java.util.Locale;

/**
 * Catalog v3, enough to import CMDB items (reference b.4): types (name and description required), entries
 * (catalog_type_id, name and attribute_values required; external_id unique within a type), entry lists that
 * require catalog_type_id and page_size (at most 250) and match {@code identifier} against id, external id,
 * aliases and, where the type says so, the name.
 */
final class CatalogRoutes {
    private static final int MAX_PAGE_SIZE = 250;
    private final Catalog catalog;
    private final Ulids ids;
    private final MicrosClock clock;

    CatalogRoutes(Catalog catalog, Ulids ids, MicrosClock clock) {
        this.catalog = catalog;
        this.ids = ids;
        this.clock = clock;
    }

    void register(Router router) {
        router.add("GET", "/v3/catalog_types", call -> wrap(200, "catalog_types", Json.array(catalog.types())))
                .add("POST", "/v3/catalog_types", this::createType)
                .add("GET", "/v3/catalog_types/{id}", call -> wrap(200, "catalog_type", type(call.pathParam(0), null)))
                .add("GET", "/v3/catalog_entries", this::listEntries)
                .add("POST", "/v3/catalog_entries", this::createEntry)
                .add("GET", "/v3/catalog_entries/{id}", call -> wrap(200, "catalog_entry", entry(call.pathParam(0))))
                .add("PUT", "/v3/catalog_entries/{id}", this::updateEntry)
                .add("DELETE", "/v3/catalog_entries/{id}", this::deleteEntry);
    }

    private ApiResponse createType(ApiCall call) {
        JsonNode body = call.jsonBody();
        String name = required(body, "name");
        String description = required(body, "description");
        String now = clock.next();
        ObjectNode type = Json.object().put("id", ids.next()).put("name", name).put("description", description)
                .put("type_name", body.has("type_name") ? Json.text(body, "type_name")
                        : "Custom[\"" + name.replaceAll("[^A-Za-z0-9]", "") + "\"]")
                .put("color", body.path("color").asText("yellow")).put("icon", body.path("icon").asText("box"))
                .put("ranked", body.path("ranked").asBoolean(false))
                .put("use_name_as_identifier", body.path("use_name_as_identifier").asBoolean(false))
                .put("is_editable", true);
        type.set("annotations", body.path("annotations").isObject() ? body.get("annotations").deepCopy() : Json.object());
        type.set("categories", body.path("categories").isArray() ? body.get("categories").deepCopy() : Json.MAPPER.createArrayNode());
        type.putObject("schema").put("version", 1).putArray("attributes");
        type.put("created_at", now).put("updated_at", now);
        return wrap(201, "catalog_type", catalog.addType(type));
    }

    private ApiResponse listEntries(ApiCall call) {
        String typeId = call.queryParam("catalog_type_id");
        if (typeId == null) {
            throw ApiError.required("catalog_type_id");
        }
        int pageSize = CursorPage.pageSize(call, null, MAX_PAGE_SIZE);
        ObjectNode type = type(typeId, "catalog_type_id");
        String identifier = call.queryParam("identifier");
        List<ObjectNode> matching = catalog.entries().stream()
                .filter(e -> e.path("catalog_type_id").asText().equals(typeId))
                .filter(e -> identifier == null || identifies(e, identifier, type.path("use_name_as_identifier").asBoolean()))
                .toList();
        CursorPage page = CursorPage.of(matching, false, call.queryParam("after"), pageSize);
        ObjectNode body = Json.object();
        body.set("catalog_entries", Json.array(page.items()));
        body.set("catalog_type", type);
        body.set("pagination_meta", page.meta(pageSize, matching.size()));
        return ApiResponse.ok(body);
    }

    private ApiResponse createEntry(ApiCall call) {
        JsonNode body = call.jsonBody();
        String typeId = required(body, "catalog_type_id");
        String name = required(body, "name");
        JsonNode attributes = CatalogValues.attributeValues(body);
        type(typeId, "catalog_type_id");
        String now = clock.next();
        ObjectNode entry = Json.object().put("id", ids.next()).put("catalog_type_id", typeId).put("name", name)
                .put("external_id", Json.text(body, "external_id")).put("rank", body.path("rank").asInt(0));
        entry.set("aliases", CatalogValues.aliases(body));
        entry.set("attribute_values", attributes);
        entry.putNull("archived_at");
        entry.put("created_at", now).put("updated_at", now);
        return wrap(201, "catalog_entry", catalog.addEntry(entry));
    }

    private ApiResponse updateEntry(ApiCall call) {
        JsonNode body = call.jsonBody();
        String name = required(body, "name");
        JsonNode attributes = CatalogValues.attributeValues(body);
        String id = entry(call.pathParam(0)).path("id").asText();
        return wrap(200, "catalog_entry", catalog.changeEntry(id, e -> {
            e.put("name", name);
            e.set("attribute_values", attributes);
            if (body.has("external_id")) {
                e.put("external_id", Json.text(body, "external_id"));
            }
            if (body.has("aliases")) {
                e.set("aliases", CatalogValues.aliases(body));
            }
            if (body.has("rank")) {
                e.put("rank", body.path("rank").asInt());
            }
        }));
    }

    private ApiResponse deleteEntry(ApiCall call) {
        if (!catalog.removeEntry(call.pathParam(0))) {
            throw ApiError.notFound("the catalog entry " + call.pathParam(0));
        }
        return ApiResponse.noContent();
    }

    private ObjectNode type(String id, String field) {
        return catalog.type(id).orElseThrow(() -> field == null ? ApiError.notFound("the catalog type " + id)
                : ApiError.invalid(field, "no catalog type " + id));
    }

    private ObjectNode entry(String id) {
        return catalog.entry(id).orElseThrow(() -> ApiError.notFound("the catalog entry " + id));
    }

    private static boolean identifies(JsonNode entry, String identifier, boolean byName) {
        if (identifier.equals(entry.path("id").asText()) || identifier.equals(entry.path("external_id").asText())) {
            return true;
        }
        for (JsonNode alias : entry.path("aliases")) {
            if (identifier.equals(alias.asText())) {
                return true;
            }
        }
        return byName && identifier.toLowerCase(Locale.ROOT).equals(entry.path("name").asText().toLowerCase(Locale.ROOT));
    }

    private static String required(JsonNode body, String field) {
        String value = Json.text(body, field);
        if (value == null || value.isBlank()) {
            throw ApiError.required(field);
        }
        return value;
    }

    private static ApiResponse wrap(int status, String name, JsonNode value) {
        ObjectNode body = Json.object();
        body.set(name, value);
        return new ApiResponse(status, body);
    }
}
