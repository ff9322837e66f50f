package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.cmdb.CmdbImport;
import io.incidentbridge.cmdb.CmdbImportSummary;
import io.incidentbridge.emulator.incidentio.IncidentIoEmulator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** CMDB services become incident.io catalog entries: all of them, once, and retired ones are removed. */
class CmdbImportApplicationTest extends BridgeApplicationTest {
    @Autowired
    CmdbImport cmdbImport;

    private static final DateTimeFormatter SERVICENOW_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> aliases = new java.util.HashMap<>();

    @Test
    void importsEveryServiceOnceWritesNothingTheSecondTimeAndRemovesRetiredOnes() throws Exception {
        List<String> sysIds = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // Spread over time (the Table API keeps seconds), as a real CMDB's history would be.
            String updated = LocalDateTime.of(2026, 1, 1, 0, 0).plusSeconds(i).format(SERVICENOW_TIME);
            sysIds.add(SERVICENOW.insert("cmdb_ci_service", Map.of("name", "Service " + i, "install_status", "1",
                    "short_description", "svc-" + i, "sys_updated_on", updated, "sys_created_on", updated)));
        }

        CmdbImportSummary first = cmdbImport.run();
        Map<String, String> entries = catalogEntriesByExternalId();
        assertThat(entries.keySet()).containsAll(sysIds);
        assertThat(entries.get(sysIds.get(7))).isEqualTo("Service 7");
        assertThat(aliases.get(sysIds.get(7))).isEqualTo("[\"svc-7\"]");
        assertThat(first.created()).isGreaterThanOrEqualTo(300);

        long writesBefore = catalogWrites();
        CmdbImportSummary second = cmdbImport.run();
        assertThat(catalogWrites()).isEqualTo(writesBefore);
        assertThat(second.created() + second.updated() + second.removed()).isZero();
        assertThat(second.read()).as("an incremental run reads only what changed since the watermark, queries: "
                + SERVICENOW.requests().stream().filter(r -> r.path().endsWith("/cmdb_ci_service"))
                        .map(r -> r.query().get("sysparm_query")).distinct().toList()).isLessThan(10);

        SERVICENOW.update("cmdb_ci_service", sysIds.get(3), Map.of("install_status", "7"), "admin");
        SERVICENOW.update("cmdb_ci_service", sysIds.get(4), Map.of("name", "Service 4 (renamed)"), "admin");
        CmdbImportSummary third = cmdbImport.run();
        Map<String, String> after = catalogEntriesByExternalId();
        assertThat(after).doesNotContainKey(sysIds.get(3)).containsEntry(sysIds.get(4), "Service 4 (renamed)");
        assertThat(third.removed()).isEqualTo(1);
        assertThat(third.updated()).isEqualTo(1);
    }

    private long catalogWrites() {
        return INCIDENTIO.count("POST", "/v3/catalog_entries") + INCIDENTIO.count("PUT", "/v3/catalog_entries")
                + INCIDENTIO.count("DELETE", "/v3/catalog_entries");
    }

    private Map<String, String> catalogEntriesByExternalId() throws Exception {
        String typeId = null;
        for (JsonNode type : get("/v3/catalog_types").path("catalog_types")) {
            if (type.path("name").asText().equals("ServiceNow service")) {
                typeId = type.path("id").asText();
            }
        }
        Map<String, String> entries = new java.util.HashMap<>();
        String after = null;
        do {
            JsonNode page = get("/v3/catalog_entries?page_size=250&catalog_type_id=" + typeId
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)));
            page.path("catalog_entries").forEach(e -> {
                entries.put(e.path("external_id").asText(), e.path("name").asText());
                aliases.put(e.path("external_id").asText(), e.path("aliases").toString());
            });
            after = page.path("pagination_meta").path("after").asText(null);
        } while (after != null && !after.isEmpty());
        return entries;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(INCIDENTIO.baseUrl() + path))
                .header("Authorization", "Bearer " + IncidentIoEmulator.API_KEY).build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }
}
