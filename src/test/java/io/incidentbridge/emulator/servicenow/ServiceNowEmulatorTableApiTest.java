package io.incidentbridge.emulator.servicenow;

import static io.incidentbridge.emulator.servicenow.EmulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ServiceNowEmulatorTableApiTest extends EmulatorTestBase {

    private static final String DATE_TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";

    @Test
    void postCreatesAnIncidentWithServerSideDefaults() {
        HttpResponse<String> response = client.post("/api/now/table/incident",
                "{\"short_description\":\"Email down\",\"impact\":2,\"no_such_field\":\"x\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode result = json(response).get("result");
        String sysId = result.get("sys_id").asText();
        assertThat(sysId).matches("[0-9a-f]{32}");
        assertThat(response.headers().firstValue("Location"))
                .hasValue(emulator.baseUrl() + "/api/now/table/incident/" + sysId);
        assertThat(result.has("no_such_field")).isFalse();
        result.fields().forEachRemaining(e -> assertThat(e.getValue().isTextual() || e.getValue().isObject())
                .as(e.getKey()).isTrue());
        assertThat(result.get("number").asText()).isEqualTo("INC0010001");
        assertThat(result.get("short_description").asText()).isEqualTo("Email down");
        assertThat(result.get("impact").asText()).isEqualTo("2");
        assertThat(result.get("priority").asText()).isEqualTo("4");
        assertThat(result.get("state").asText()).isEqualTo("1");
        assertThat(result.get("incident_state").asText()).isEqualTo("1");
        assertThat(result.get("severity").asText()).isEqualTo("3");
        assertThat(result.get("category").asText()).isEqualTo("inquiry");
        assertThat(result.get("active").asText()).isEqualTo("true");
        assertThat(result.get("sys_mod_count").asText()).isEqualTo("0");
        assertThat(result.get("sys_class_name").asText()).isEqualTo("incident");
        assertThat(result.get("sys_created_by").asText()).isEqualTo(ServiceNowEmulator.USERNAME);
        assertThat(result.get("sys_updated_by").asText()).isEqualTo(ServiceNowEmulator.USERNAME);
        assertThat(result.get("sys_created_on").asText()).matches(DATE_TIME)
                .isEqualTo(result.get("opened_at").asText()).isEqualTo(result.get("sys_updated_on").asText());
        assertThat(result.at("/opened_by/value").asText()).isEqualTo(SeedData.INTEGRATION_USER_SYS_ID);
        assertThat(result.get("caller_id").asText()).isEmpty();
        assertThat(result.get("comments").asText()).isEmpty();
    }

    @Test
    void numbersAreSequentialPerTable() {
        String first = json(client.post("/api/now/table/incident", "{}")).at("/result/number").asText();
        String task = json(client.post("/api/now/table/task", "{}")).at("/result/number").asText();
        String second = json(client.post("/api/now/table/incident", "{}")).at("/result/number").asText();

        assertThat(first).isEqualTo("INC0010001");
        assertThat(second).isEqualTo("INC0010002");
        assertThat(task).isEqualTo("TASK0010001");
    }

    @Test
    void versionedUrlsWorkAndLocationKeepsTheVersion() {
        HttpResponse<String> created = client.post("/api/now/v2/table/incident", "{}");
        String sysId = json(created).at("/result/sys_id").asText();

        assertThat(created.headers().firstValue("Location"))
                .hasValue(emulator.baseUrl() + "/api/now/v2/table/incident/" + sysId);
        assertThat(client.get("/api/now/v1/table/incident/" + sysId).statusCode()).isEqualTo(200);
    }

    @Test
    void noResponseBodyHeaderKeepsStatusAndLocationOnly() {
        HttpResponse<String> response = client.send("POST", "/api/now/table/incident", "{}",
                "X-no-response-body", "true");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("Content-Type")).isEmpty();
        assertThat(response.headers().firstValue("Location")).isPresent();
        assertThat(emulator.records("incident")).hasSize(1);
    }

    @Test
    void noResponseBodyHeaderIsIgnoredOnGet() {
        HttpResponse<String> response = client.send("GET", "/api/now/table/incident", null,
                "X-no-response-body", "true");

        assertThat(response.body()).isEqualTo("{\"result\":[]}");
    }

    @Test
    void concurrentUpdatesOfOneRecordAreNeverLost() {
        String sysId = client.createIncident("{}");
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> calls = IntStream.range(0, 24)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> client.patch("/api/now/table/incident/"
                            + sysId, "{\"work_notes\":\"note " + i + "\"}").statusCode(), callers))
                    .toList();
            calls.forEach(c -> assertThat(c.join()).isEqualTo(200));
        } finally {
            callers.shutdownNow();
        }

        assertThat(emulator.record("incident", sysId).orElseThrow()).containsEntry("sys_mod_count", "24");
        assertThat(emulator.journal(sysId)).hasSize(24);
    }

    @Test
    void postMaySupplySysIdAndNumberButNotTwiceTheSameSysId() {
        String body = "{\"sys_id\":\"00aaae01db4013004a4576efbf96197f\",\"number\":\"2135483521432\"}";
        assertThat(client.post("/api/now/table/incident", body).statusCode()).isEqualTo(201);

        HttpResponse<String> again = client.post("/api/now/table/incident", body);

        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(json(again).get("error").get("message").asText()).isEqualTo("Operation Failed");
        assertThat(json(again).get("error").get("detail").asText())
                .isEqualTo("Error during insert of incident (2135483521432)");
        assertThat(json(again).get("status").asText()).isEqualTo("failure");
    }

    @Test
    void patchIsAPartialUpdateThatIgnoresSystemFields() {
        String sysId = client.createIncident("{\"short_description\":\"Before\",\"description\":\"Keep me\"}");

        HttpResponse<String> response = client.patch("/api/now/table/incident/" + sysId,
                "{\"short_description\":\"After\",\"sys_mod_count\":\"99\",\"sys_created_by\":\"mallory\","
                        + "\"sys_id\":\"ffffffffffffffffffffffffffffffff\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = json(response).get("result");
        assertThat(result.get("short_description").asText()).isEqualTo("After");
        assertThat(result.get("description").asText()).isEqualTo("Keep me");
        assertThat(result.get("sys_mod_count").asText()).isEqualTo("1");
        assertThat(result.get("sys_created_by").asText()).isEqualTo(ServiceNowEmulator.USERNAME);
        assertThat(result.get("sys_id").asText()).isEqualTo(sysId);
    }

    @Test
    void putBehavesLikePatch() {
        String sysId = client.createIncident("{\"short_description\":\"Before\",\"description\":\"Keep me\"}");

        HttpResponse<String> response = client.send("PUT", "/api/now/table/incident/" + sysId,
                "{\"short_description\":\"After\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(emulator.record("incident", sysId).orElseThrow())
                .containsEntry("short_description", "After")
                .containsEntry("description", "Keep me")
                .containsEntry("sys_mod_count", "1");
    }

    @Test
    void everyRealUpdateBumpsTheModCountButAnUnchangedWriteDoesNot() {
        String sysId = client.createIncident("{\"short_description\":\"Same\"}");

        client.patch("/api/now/table/incident/" + sysId, "{\"short_description\":\"Other\"}");
        client.patch("/api/now/table/incident/" + sysId, "{\"short_description\":\"Third\"}");
        HttpResponse<String> unchanged = client.patch("/api/now/table/incident/" + sysId,
                "{\"short_description\":\"Third\"}");

        assertThat(unchanged.statusCode()).isEqualTo(200);
        assertThat(json(unchanged).at("/result/sys_mod_count").asText()).isEqualTo("2");
    }

    @Test
    void deleteAnswers204ThenTheRecordIsGone() {
        String sysId = client.createIncident("{}");

        HttpResponse<String> deleted = client.delete("/api/now/table/incident/" + sysId);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(client.get("/api/now/table/incident/" + sysId).statusCode()).isEqualTo(404);
        assertThat(client.delete("/api/now/table/incident/" + sysId).statusCode()).isEqualTo(404);
    }

    @Test
    void missingRecordIs404WithTheStandardBody() {
        for (String method : new String[] {"GET", "PATCH", "PUT", "DELETE"}) {
            HttpResponse<String> response = client.send(method, "/api/now/v2/table/incident/NoId",
                    method.startsWith("P") ? "{}" : null);

            assertThat(response.statusCode()).as(method).isEqualTo(404);
            assertThat(json(response).at("/error/message").asText()).isEqualTo("No Record found");
            assertThat(json(response).at("/error/detail").asText())
                    .isEqualTo("Record doesn't exist or ACL restricts the record retrieval");
            assertThat(json(response).get("status").asText()).isEqualTo("failure");
        }
    }

    @Test
    void unknownTableIs400WithANullDetail() {
        HttpResponse<String> response = client.get("/api/now/table/contact");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/message").asText()).isEqualTo("Invalid table contact");
        assertThat(json(response).at("/error/detail").isNull()).isTrue();
    }

    @Test
    void emptyListIs200OnUnversionedAndV2But404OnV1() {
        String nothing = "?sysparm_query=number%3DImpossibleNumber007";

        HttpResponse<String> latest = client.get("/api/now/table/incident" + nothing);
        HttpResponse<String> v2 = client.get("/api/now/v2/table/incident" + nothing);
        HttpResponse<String> v1 = client.get("/api/now/v1/table/incident" + nothing);

        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(latest.body()).isEqualTo("{\"result\":[]}");
        assertThat(latest.headers().firstValue("X-Total-Count")).hasValue("0");
        assertThat(v2.statusCode()).isEqualTo(200);
        assertThat(v1.statusCode()).isEqualTo(404);
        assertThat(json(v1).at("/error/message").asText()).isEqualTo("No Record found");
    }

    @Test
    void malformedJsonIs400() {
        HttpResponse<String> response = client.post("/api/now/table/incident", "{\"short_description\":");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("status").asText()).isEqualTo("failure");
        assertThat(emulator.records("incident")).isEmpty();
    }

    @Test
    void aMalformedEscapeInTheTokenFormIsAnUnknownResource() {
        HttpResponse<String> form = client.tokenRequest("grant_type=password&username=%ZZ", null);

        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(json(form).at("/error/message").asText()).isEqualTo("Requested URI does not represent any resource");
    }

    @Test
    void onlyTheFirstRecordOfAnArrayBodyIsInserted() {
        HttpResponse<String> response = client.post("/api/now/table/incident",
                "[{\"short_description\":\"one\"},{\"short_description\":\"two\"}]");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(emulator.records("incident")).extracting(r -> r.get("short_description")).containsExactly("one");
    }

    @Test
    void responsesCarryServiceNowHeaders() {
        HttpResponse<String> response = client.get("/api/now/table/incident");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(response.headers().firstValue("Server")).hasValue("ServiceNow");
        assertThat(response.headers().firstValue("X-Transaction-ID").orElseThrow()).matches("[0-9a-f]{12}");
        assertThat(response.headers().firstValue("Cache-control"))
                .hasValue("no-cache,no-store,must-revalidate,max-age=-1");
        assertThat(response.headers().firstValue("Pragma")).hasValue("no-store,no-cache");
        assertThat(response.headers().firstValue("Expires")).hasValue("0");
        assertThat(response.headers().firstValue("X-Is-Logged-In")).hasValue("true");
    }

    @Test
    void headReturnsHeadersWithoutABody() {
        client.createIncident("{}");

        HttpResponse<String> response = client.send("HEAD", "/api/now/table/incident", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("X-Total-Count")).hasValue("1");
    }

    @Test
    void methodOverrideHeaderTurnsAPostIntoAPatch() {
        String sysId = client.createIncident("{\"short_description\":\"Before\"}");

        HttpResponse<String> response = client.send("POST", "/api/now/table/incident/" + sysId,
                "{\"short_description\":\"After\"}", "X-HTTP-Method-Override", "PATCH");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(emulator.record("incident", sysId).orElseThrow()).containsEntry("short_description", "After");
        assertThat(emulator.count("PATCH", "/api/now/table/incident/")).isEqualTo(1);
    }

    @Test
    void incidentsAreAlsoTasksWithTaskColumnsOnly() {
        String sysId = client.createIncident("{\"short_description\":\"As task\"}");

        JsonNode task = json(client.get("/api/now/table/task/" + sysId)).get("result");

        assertThat(task.get("sys_class_name").asText()).isEqualTo("incident");
        assertThat(task.get("number").asText()).isEqualTo("INC0010001");
        assertThat(task.has("caller_id")).isFalse();
        assertThat(task.has("short_description")).isTrue();
    }

    @Test
    void aTaskParentIsAReferenceToTask() {
        String incident = client.createIncident("{}");

        JsonNode task = json(client.post("/api/now/table/task",
                "{\"short_description\":\"Follow-up\",\"parent\":\"" + incident + "\"}")).get("result");

        assertThat(task.get("sys_class_name").asText()).isEqualTo("task");
        assertThat(task.at("/parent/link").asText())
                .isEqualTo(emulator.baseUrl() + "/api/now/table/task/" + incident);
        assertThat(task.at("/parent/value").asText()).isEqualTo(incident);
    }

    @Test
    void businessServicesAreListedThroughCmdbCi() {
        JsonNode cis = json(client.get("/api/now/table/cmdb_ci?sysparm_fields=name,sys_class_name")).get("result");

        assertThat(cis).extracting(ci -> ci.get("name").asText())
                .contains("Email", "Payments API", "Storage Area Network 001");
        assertThat(cis).filteredOn(ci -> ci.get("name").asText().equals("Email"))
                .extracting(ci -> ci.get("sys_class_name").asText()).containsExactly("cmdb_ci_service");
    }

    @Test
    void unknownApiPathIs400AndWrongMethodIs405() {
        HttpResponse<String> typo = client.get("/api/now/tabel/incident");
        HttpResponse<String> deleteCollection = client.delete("/api/now/table/incident");

        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(json(typo).at("/error/message").asText()).isEqualTo("Requested URI does not represent any resource");
        assertThat(deleteCollection.statusCode()).isEqualTo(405);
    }

    @Test
    void unsupportedAcceptOrBodyTypeIsRefused() {
        HttpResponse<String> xmlOnly = client.send("GET", "/api/now/table/incident", null, "Accept", "application/xml");
        HttpResponse<String> xmlBody = client.sendAs("Bearer " + client.accessToken(), "POST",
                "/api/now/table/incident", "<xml/>", "Content-Type", "application/xml");

        assertThat(xmlOnly.statusCode()).isEqualTo(406);
        assertThat(xmlBody.statusCode()).isEqualTo(415);
    }

    @Test
    void aggregateApiCountsMatchingRows() {
        client.createIncident("{\"impact\":\"1\"}");
        client.createIncident("{\"impact\":\"1\"}");
        client.createIncident("{\"impact\":\"3\"}");

        HttpResponse<String> response = client.get("/api/now/stats/incident?sysparm_count=true&sysparm_query=impact%3D1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"result\":{\"stats\":{\"count\":\"2\"}}}");
    }

    @Test
    void javaApiSeesAndChangesWhatHttpClientsSee() {
        String sysId = emulator.insert("incident", Map.of("short_description", "Seeded",
                "sys_created_on", "2024-01-15 10:00:00"));
        emulator.update("incident", sysId, Map.of("urgency", "1"), ServiceNowEmulator.USERNAME);

        JsonNode result = json(client.get("/api/now/table/incident/" + sysId)).get("result");

        assertThat(result.get("sys_created_on").asText()).isEqualTo("2024-01-15 10:00:00");
        assertThat(result.get("sys_created_by").asText()).isEqualTo("admin");
        assertThat(result.get("sys_updated_by").asText()).isEqualTo(ServiceNowEmulator.USERNAME);
        assertThat(result.get("priority").asText()).isEqualTo("3");
        emulator.delete("incident", sysId);
        assertThat(emulator.record("incident", sysId)).isEmpty();
    }
}
