package io.incidentbridge.emulator.servicenow;

import static io.incidentbridge.emulator.servicenow.EmulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Given 626 matching CIs (the total of the real sys_user capture in reference §1.8), the headers match it. */
class ServiceNowEmulatorPaginationTest {

    private static final String QUERY = "sysparm_query=category%3Dbulk";

    private static ServiceNowEmulator emulator;
    private static EmulatorClient client;
    private static String table;

    @BeforeAll
    static void start() {
        emulator = ServiceNowEmulator.start();
        client = new EmulatorClient(emulator);
        for (int i = 0; i < 626; i++) {
            emulator.insert("cmdb_ci", Map.of("name", "ci-" + i, "category", "bulk"));
        }
        table = emulator.baseUrl() + "/api/now/table/cmdb_ci";
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void firstOfTwoPagesHasFirstNextAndLastButNoPrev() {
        HttpResponse<String> response = client.get("/api/now/table/cmdb_ci?" + QUERY + "&sysparm_limit=500");

        assertThat(json(response).get("result")).hasSize(500);
        assertThat(response.headers().firstValue("X-Total-Count")).hasValue("626");
        assertThat(response.headers().firstValue("Link")).hasValue(
                link(QUERY + "&sysparm_limit=500&sysparm_offset=0", "first") + ","
                        + link(QUERY + "&sysparm_limit=500&sysparm_offset=500", "next") + ","
                        + link(QUERY + "&sysparm_limit=500&sysparm_offset=500", "last"));
    }

    @Test
    void secondOfTwoPagesHasPrevButNoNext() {
        HttpResponse<String> response = client.get(
                "/api/now/table/cmdb_ci?" + QUERY + "&sysparm_limit=500&sysparm_offset=500");

        assertThat(json(response).get("result")).hasSize(126);
        assertThat(response.headers().firstValue("Link")).hasValue(
                link(QUERY + "&sysparm_limit=500&sysparm_offset=0", "first") + ","
                        + link(QUERY + "&sysparm_limit=500&sysparm_offset=0", "prev") + ","
                        + link(QUERY + "&sysparm_limit=500&sysparm_offset=500", "last"));
    }

    @Test
    void limitOneOnTheFirstPageEmitsTheRealPrevMinusOneQuirk() {
        HttpResponse<String> response = client.get("/api/now/table/cmdb_ci?" + QUERY + "&sysparm_limit=1");

        assertThat(response.headers().firstValue("Link")).hasValue(
                link(QUERY + "&sysparm_limit=1&sysparm_offset=0", "first") + ","
                        + link(QUERY + "&sysparm_limit=1&sysparm_offset=-1", "prev") + ","
                        + link(QUERY + "&sysparm_limit=1&sysparm_offset=1", "next") + ","
                        + link(QUERY + "&sysparm_limit=1&sysparm_offset=625", "last"));
    }

    @Test
    void middlePageLinksBothWays() {
        HttpResponse<String> response = client.get(
                "/api/now/table/cmdb_ci?sysparm_offset=200&" + QUERY + "&sysparm_limit=200");

        assertThat(response.headers().firstValue("Link")).hasValue(
                link("sysparm_offset=0&" + QUERY + "&sysparm_limit=200", "first") + ","
                        + link("sysparm_offset=0&" + QUERY + "&sysparm_limit=200", "prev") + ","
                        + link("sysparm_offset=400&" + QUERY + "&sysparm_limit=200", "next") + ","
                        + link("sysparm_offset=600&" + QUERY + "&sysparm_limit=200", "last"));
    }

    @Test
    void linksEchoOtherParametersExactlyAsReceived() {
        HttpResponse<String> response = client.get("/api/now/table/cmdb_ci?" + QUERY
                + "&sysparm_fields=name,sys_id&display_value=True&sysparm_limit=500");

        assertThat(response.headers().firstValue("Link").orElseThrow()).startsWith(
                link(QUERY + "&sysparm_fields=name,sys_id&display_value=True&sysparm_limit=500&sysparm_offset=0",
                        "first"));
    }

    @Test
    void aSinglePageHasNoLinkHeader() {
        HttpResponse<String> response = client.get("/api/now/table/cmdb_ci?" + QUERY + "&sysparm_limit=1000");

        assertThat(json(response).get("result")).hasSize(626);
        assertThat(response.headers().firstValue("X-Total-Count")).hasValue("626");
        assertThat(response.headers().firstValue("Link")).isEmpty();
    }

    @Test
    void defaultLimitIsTenThousand() {
        HttpResponse<String> response = client.get("/api/now/table/cmdb_ci?" + QUERY);

        assertThat(json(response).get("result")).hasSize(626);
        assertThat(response.headers().firstValue("Link")).isEmpty();
    }

    @Test
    void suppressingPaginationDropsLinkButKeepsTheCount() {
        HttpResponse<String> response = client.get("/api/now/table/cmdb_ci?" + QUERY
                + "&sysparm_limit=500&sysparm_suppress_pagination_header=true");

        assertThat(response.headers().firstValue("Link")).isEmpty();
        assertThat(response.headers().firstValue("X-Total-Count")).hasValue("626");
    }

    @Test
    void noCountDropsBothHeaders() {
        HttpResponse<String> response = client.get("/api/now/table/cmdb_ci?" + QUERY
                + "&sysparm_limit=500&sysparm_no_count=true");

        assertThat(json(response).get("result")).hasSize(500);
        assertThat(response.headers().firstValue("Link")).isEmpty();
        assertThat(response.headers().firstValue("X-Total-Count")).isEmpty();
    }

    @Test
    void offsetPastTheEndGivesAnEmptyPageWithTheTotal() {
        HttpResponse<String> response = client.get("/api/now/table/cmdb_ci?" + QUERY
                + "&sysparm_limit=500&sysparm_offset=1000");

        assertThat(json(response).get("result")).isEmpty();
        assertThat(response.headers().firstValue("X-Total-Count")).hasValue("626");
    }

    private static String link(String query, String rel) {
        return "<" + table + "?" + query + ">;rel=\"" + rel + "\"";
    }
}
