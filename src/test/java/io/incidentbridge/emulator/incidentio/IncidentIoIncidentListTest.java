package io.incidentbridge.emulator.incidentio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /v2/incidents}: cursor pagination, sorting and the deep-object filters (reference b.4). */
class IncidentIoIncidentListTest extends EmulatorTestBase {

    @Test
    void pagesFollowTheAfterCursorNewestFirstUntilTheLastPageHasNoCursor() {
        List<String> created = create(7);

        JsonNode first = api.get("/v2/incidents?page_size=3").json();
        JsonNode second = api.get("/v2/incidents?page_size=3&after=" + first.path("pagination_meta").path("after").asText()).json();
        JsonNode last = api.get("/v2/incidents?page_size=3&after=" + second.path("pagination_meta").path("after").asText()).json();

        List<String> seen = new ArrayList<>();
        seen.addAll(names(first));
        seen.addAll(names(second));
        seen.addAll(names(last));
        assertThat(seen).containsExactly("Incident 7", "Incident 6", "Incident 5", "Incident 4", "Incident 3",
                "Incident 2", "Incident 1");
        assertThat(first.path("pagination_meta").path("page_size").asInt()).isEqualTo(3);
        assertThat(first.path("pagination_meta").path("total_record_count").asInt()).isEqualTo(7);
        assertThat(first.path("pagination_meta").path("after").asText()).isEqualTo(created.get(4));
        assertThat(last.path("pagination_meta").has("after")).isFalse();
    }

    @Test
    void aFullLastPageAlsoEndsWithoutACursor() {
        create(4);

        JsonNode first = api.get("/v2/incidents?page_size=2").json();
        JsonNode second = api.get("/v2/incidents?page_size=2&after=" + first.path("pagination_meta").path("after").asText()).json();

        assertThat(names(second)).containsExactly("Incident 2", "Incident 1");
        assertThat(second.path("pagination_meta").has("after")).isFalse();
    }

    @Test
    void theDefaultPageSizeIs25AndTheMaximum250() {
        create(30);

        JsonNode page = api.get("/v2/incidents").json();
        ApiClient.Answer tooBig = api.get("/v2/incidents?page_size=251");

        assertThat(page.path("incidents")).hasSize(25);
        assertThat(page.path("pagination_meta").path("page_size").asInt()).isEqualTo(25);
        assertThat(api.get("/v2/incidents?page_size=250").json().path("incidents")).hasSize(30);
        assertThat(tooBig.status()).isEqualTo(422);
        assertThat(tooBig.json().path("type").asText()).isEqualTo("validation_error");
        assertThat(tooBig.firstError().path("source").path("field").asText()).isEqualTo("page_size");
    }

    @Test
    void oldestFirstSortsTheOtherWayAndAnUnknownSortIsRefused() {
        create(3);

        assertThat(names(api.get("/v2/incidents?sort_by=created_at_oldest_first").json()))
                .containsExactly("Incident 1", "Incident 2", "Incident 3");
        assertThat(api.get("/v2/incidents?sort_by=name").status()).isEqualTo(422);
    }

    @Test
    void statusCategoryFiltersTakeRepeatedOrCommaSeparatedValues() {
        List<String> ids = create(3);
        emulator.setStatus(ids.get(0), "Triage");
        emulator.setStatus(ids.get(1), "Documenting");

        assertThat(names(api.get("/v2/incidents?status_category[one_of]=live").json())).containsExactly("Incident 3");
        assertThat(names(api.get("/v2/incidents?status_category[one_of]=live&status_category[one_of]=triage").json()))
                .containsExactly("Incident 3", "Incident 1");
        assertThat(names(api.get("/v2/incidents?status_category[not_in]=live,triage").json())).containsExactly("Incident 2");
        assertThat(names(api.get("/v2/incidents?status[one_of]=" + emulator.status("Documenting").path("id").asText()).json()))
                .containsExactly("Incident 2");
        assertThat(api.get("/v2/incidents?status_category[one_of]=resolved").status()).isEqualTo(422);
        assertThat(api.get("/v2/incidents?status_category[gte]=live").status()).isEqualTo(422);
    }

    @Test
    void updatedAtGteTakesATimestampOrADate() {
        List<String> ids = create(3);
        String cutoff = emulator.updateIncident(ids.get(0), i -> i.put("name", "Incident 1 renamed")).path("updated_at").asText();
        emulator.updateIncident(ids.get(2), i -> i.put("name", "Incident 3 renamed"));

        assertThat(names(api.get("/v2/incidents?updated_at[gte]=" + encode(cutoff)).json()))
                .containsExactly("Incident 3 renamed", "Incident 1 renamed");
        assertThat(api.get("/v2/incidents?updated_at[gte]=" + cutoff.substring(0, 10)).json().path("incidents")).hasSize(3);
        assertThat(api.get("/v2/incidents?updated_at[lte]=2001-01-01").json().path("incidents")).isEmpty();
        assertThat(api.get("/v2/incidents?updated_at[date_range]=2001-01-01~2999-12-31").json().path("incidents")).hasSize(3);
        assertThat(api.get("/v2/incidents?updated_at[gte]=yesterday").status()).isEqualTo(422);
    }

    @Test
    void testAndTutorialIncidentsAreLeftOutUnlessTheModeFilterAsksForThem() {
        emulator.createIncident(IncidentSpec.of("Real"));
        emulator.createIncident(IncidentSpec.of("Drill").withMode("test"));
        emulator.createIncident(IncidentSpec.of("Looking back").withMode("retrospective"));

        assertThat(names(api.get("/v2/incidents").json())).containsExactly("Looking back", "Real");
        assertThat(api.get("/v2/incidents").json().path("pagination_meta").path("total_record_count").asInt()).isEqualTo(2);
        assertThat(names(api.get("/v2/incidents?mode[one_of]=test").json())).containsExactly("Drill");
    }

    @Test
    void severityFiltersCompareByIdOrRankAndFilterModeAnyWidens() {
        emulator.createIncident(IncidentSpec.of("Small").withSeverity("Minor"));
        emulator.createIncident(IncidentSpec.of("Big").withSeverity("Critical"));
        emulator.createIncident(IncidentSpec.of("Unrated").withSeverity(null).withStatus("Triage"));
        String major = emulator.severity("Major").path("id").asText();

        assertThat(names(api.get("/v2/incidents?severity[gte]=" + major).json())).containsExactly("Big");
        assertThat(names(api.get("/v2/incidents?severity[lte]=" + major).json())).containsExactly("Small");
        assertThat(names(api.get("/v2/incidents?severity[not_in]=" + major).json())).containsExactly("Unrated", "Big", "Small");
        assertThat(names(api.get("/v2/incidents?severity[gte]=" + major + "&status_category[one_of]=triage").json())).isEmpty();
        assertThat(names(api.get("/v2/incidents?filter_mode=any&severity[gte]=" + major + "&status_category[one_of]=triage")
                .json())).containsExactly("Unrated", "Big");
        assertThat(api.get("/v2/incidents?severity[one_of]=not-a-severity").status()).isEqualTo(422);
    }

    private List<String> create(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(emulator.createIncident(IncidentSpec.of("Incident " + i)).path("id").asText());
        }
        return ids;
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("incidents").forEach(incident -> names.add(incident.path("name").asText()));
        return names;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
