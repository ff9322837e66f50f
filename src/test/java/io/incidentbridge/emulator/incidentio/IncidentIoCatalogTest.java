package io.incidentbridge.emulator.incidentio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Catalog v3 as a CMDB import uses it: a type, its entries, lookups by identifier, updates, deletes. */
class IncidentIoCatalogTest extends EmulatorTestBase {

    @Test
    void aTypeNeedsANameAndADescriptionAndIsListed() {
        ApiClient.Answer created = api.post("/v3/catalog_types",
                "{\"name\":\"ServiceNow CI\",\"description\":\"Configuration items from the CMDB\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode type = created.json().path("catalog_type");
        assertThat(type.path("type_name").asText()).isEqualTo("Custom[\"ServiceNowCI\"]");
        assertThat(api.get("/v3/catalog_types").json().path("catalog_types")).containsExactly(type);
        assertThat(api.get("/v3/catalog_types/" + type.path("id").asText()).json().path("catalog_type")).isEqualTo(type);
        assertThat(api.post("/v3/catalog_types", "{\"name\":\"No description\"}").status()).isEqualTo(422);
    }

    @Test
    void entriesAreCreatedPagedAndFoundByIdentifier() {
        String type = newType();
        for (int i = 1; i <= 5; i++) {
            assertThat(entry(type, "Server " + i, "ci-" + i).status()).isEqualTo(201);
        }

        JsonNode first = api.get("/v3/catalog_entries?catalog_type_id=" + type + "&page_size=2").json();
        JsonNode second = api.get("/v3/catalog_entries?catalog_type_id=" + type + "&page_size=2&after="
                + first.path("pagination_meta").path("after").asText()).json();

        assertThat(names(first)).containsExactly("Server 1", "Server 2");
        assertThat(names(second)).containsExactly("Server 3", "Server 4");
        assertThat(first.path("pagination_meta").path("total_record_count").asInt()).isEqualTo(5);
        assertThat(first.path("catalog_type").path("id").asText()).isEqualTo(type);
        assertThat(names(api.get("/v3/catalog_entries?catalog_type_id=" + type + "&page_size=10&identifier=ci-3").json()))
                .containsExactly("Server 3");
        assertThat(names(api.get("/v3/catalog_entries?catalog_type_id=" + type + "&page_size=10&identifier=srv-4").json()))
                .containsExactly("Server 4");
        JsonNode stored = api.get("/v3/catalog_entries?catalog_type_id=" + type + "&page_size=1").json()
                .path("catalog_entries").get(0);
        assertThat(stored.path("attribute_values").path("01ATTRIBUTE").path("value").path("literal").asText()).isEqualTo("Server 1");
    }

    @Test
    void listingEntriesNeedsTheTypeAndAPageSize() {
        String type = newType();

        assertThat(api.get("/v3/catalog_entries?page_size=10").status()).isEqualTo(422);
        assertThat(api.get("/v3/catalog_entries?catalog_type_id=" + type).status()).isEqualTo(422);
        assertThat(api.get("/v3/catalog_entries?catalog_type_id=" + type + "&page_size=251").status()).isEqualTo(422);
        assertThat(api.get("/v3/catalog_entries?catalog_type_id=01NOSUCHTYPE&page_size=10").status()).isEqualTo(422);
    }

    @Test
    void anExternalIdIsUniqueWithinItsType() {
        String type = newType();
        entry(type, "Server 1", "ci-1");

        ApiClient.Answer duplicate = entry(type, "Server 1 again", "ci-1");

        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.firstError().path("source").path("field").asText()).isEqualTo("external_id");
    }

    @Test
    void anEntryIsUpdatedWithPutAndRemovedWithDelete() {
        String type = newType();
        String id = entry(type, "Server 1", "ci-1").json().path("catalog_entry").path("id").asText();

        JsonNode updated = api.put("/v3/catalog_entries/" + id, "{\"name\":\"Server One\",\"attribute_values\":{}}")
                .json().path("catalog_entry");

        assertThat(updated.path("name").asText()).isEqualTo("Server One");
        assertThat(updated.path("external_id").asText()).isEqualTo("ci-1");
        assertThat(api.put("/v3/catalog_entries/" + id, "{\"name\":\"No attributes\"}").status()).isEqualTo(422);
        assertThat(api.delete("/v3/catalog_entries/" + id).status()).isEqualTo(204);
        assertThat(api.get("/v3/catalog_entries/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/v3/catalog_entries/" + id).status()).isEqualTo(404);
    }

    private String newType() {
        return api.post("/v3/catalog_types", "{\"name\":\"ServiceNow CI\",\"description\":\"CMDB items\"}")
                .json().path("catalog_type").path("id").asText();
    }

    private ApiClient.Answer entry(String type, String name, String externalId) {
        return api.post("/v3/catalog_entries", "{\"catalog_type_id\":\"" + type + "\",\"name\":\"" + name
                + "\",\"external_id\":\"" + externalId + "\",\"aliases\":[\"srv-" + externalId.substring(3) + "\"],"
                + "\"attribute_values\":{\"01ATTRIBUTE\":{\"value\":{\"literal\":\"" + name + "\"}}}}");
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("catalog_entries").forEach(e -> names.add(e.path("name").asText()));
        return names;
    }
}
