package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.incidentbridge.backsync.IncidentAssignment;
import io.incidentbridge.emulator.servicenow.CallbackDelivery;
import io.incidentbridge.emulator.incidentio.WebhookSender;
import io.incidentbridge.emulator.servicenow.CallbackTarget;
import io.incidentbridge.emulator.servicenow.SeedData;
import io.incidentbridge.emulator.servicenow.ServiceNowEmulator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ServiceNow changes come back through POST /webhooks/servicenow, sent by the emulator's copy of the business rule
 * in servicenow/ after each update, the bridge's own included: one edit by a person in ServiceNow makes exactly one
 * change in incident.io, and nothing comes back to ServiceNow.
 */
class ServiceNowCallbackApplicationTest extends BridgeApplicationTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private ServiceNowUser beth;

    @BeforeEach
    void aServiceDeskAgentAndTheCallbackRule() {
        beth = ServiceNowUser.signedIn(SERVICENOW, "beth.anglin");
        installCallbackRule();
    }

    @Test
    void resolvingInServiceNowMovesTheIncidentToPostIncidentOnceAndNothingComesBack() throws Exception {
        String id = newIncident("Resolved from ServiceNow").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        String sysId = awaitServiceNowIncident(id, Map.of("state", "2")).get("sys_id");
        settle(id);

        beth.update("incident", sysId, Map.of("state", "6", "close_code", "Workaround provided",
                "close_notes", "Restarted the pods", "work_notes", "Root cause: a bad config push",
                "impact", "1", "urgency", "1"));
        long writesBefore = writesFor(id).size();

        await().atMost(PATIENCE).until(() -> "learning".equals(INCIDENTIO.incident(id).path("incident_status").path("category").asText()));
        assertThat(INCIDENTIO.incident(id).path("incident_status").path("name").asText()).isEqualTo("Documenting");
        assertThat(serviceNowNotes(id)).contains("beth.anglin (work note): Root cause: a bad config push");
        assertThat(INCIDENTIO.incident(id).path("severity").path("name").asText()).isEqualTo("Critical");

        // incident.io tells the bridge about the change it just made: that must not write anything to ServiceNow.
        webhooks().send(event("public_incident.incident_status_updated_v2", id));
        webhooks().send(event("public_incident.incident_updated_v2", id));
        settle(id);
        // One edit in ServiceNow, one write in incident.io: status, severity and notes travel together.
        assertThat(INCIDENTIO.count("POST", "/v2/incidents/" + id + "/actions/edit")).isEqualTo(1);
        assertThat(writesFor(id)).hasSize((int) writesBefore);
        assertThat(SERVICENOW.record("incident", sysId).orElseThrow())
                .containsEntry("close_notes", "Restarted the pods").containsEntry("state", "6")
                .containsEntry("impact", "1").containsEntry("urgency", "1").containsEntry("sys_updated_by", "beth.anglin");
        CallbackDelivery resolved = SERVICENOW.callbackRule().deliveriesFor(sysId).stream()
                .filter(d -> d.updatedBy().equals("beth.anglin")).findFirst().orElseThrow();
        assertThat(resolved.status()).isEqualTo(202);
        assertThat(resolved.answer()).contains("stored");

        // The same change sent again under a new message id (a second copy of the rule on incident) changes nothing.
        assertThat(new CallbackPoster(port, CALLBACK_SECRET).post(resolved.body()).body()).contains("duplicate");
        // incident.io recorded the bridge's status change as an update by the bridge's key: it is not a work note.
        assertThat(workNotes(sysId)).noneMatch(note -> note.contains("incident.io update"));
    }

    @Test
    void aServiceNowChangeReadsTheIncidentFromIncidentIoOnceForBothDirections() throws Exception {
        String id = newIncident("Read once").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        String sysId = awaitServiceNowIncident(id, Map.of("state", "2")).get("sys_id");
        settle(id);
        long readsBefore = INCIDENTIO.count("GET", "/v2/incidents/" + id);

        beth.update("incident", sysId, Map.of("state", "6"));
        await().atMost(PATIENCE).until(() -> "learning".equals(INCIDENTIO.incident(id).path("incident_status").path("category").asText()));
        settle(id);

        // The claim holds only ServiceNow's change, so the incident.io -> ServiceNow route reads the incident; the
        // ServiceNow -> incident.io route takes that read and its mapping instead of asking incident.io again.
        assertThat(INCIDENTIO.count("GET", "/v2/incidents/" + id) - readsBefore).isEqualTo(1);
        assertThat(INCIDENTIO.count("POST", "/v2/incidents/" + id + "/actions/edit")).isEqualTo(1);
    }

    @Test
    void theBridgesOwnStatusChangeIsNoWorkNoteButAResponderStatusUpdateAfterItIsOne() throws Exception {
        String id = newIncident("Resolved, then reopened").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        String sysId = awaitServiceNowIncident(id, Map.of("state", "2")).get("sys_id");
        settle(id);

        beth.update("incident", sysId, Map.of("state", "6", "close_code", "Workaround provided",
                "close_notes", "Restarted the pods", "work_notes", "Pods restarted"));
        await().atMost(PATIENCE).until(() -> "learning".equals(INCIDENTIO.incident(id).path("incident_status").path("category").asText()));
        webhooks().send(event("public_incident.incident_status_updated_v2", id));
        settle(id);
        assertThat(updatersOf(id)).containsExactly("api_key");
        assertThat(workNotes(sysId)).noneMatch(note -> note.contains("incident.io update"));

        INCIDENTIO.addIncidentUpdate(id, "Follow-up review booked for Monday", null);
        webhooks().send(event("public_incident.incident_updated_v2", id));
        await().atMost(PATIENCE).until(() -> workNotes(sysId).stream().anyMatch(n -> n.contains("Follow-up review booked")));
        webhooks().send(event("public_incident.incident_updated_v2", id));
        settle(id);
        assertThat(workNotes(sysId).stream().filter(n -> n.contains("incident.io update"))).singleElement()
                .satisfies(note -> assertThat(note).contains("Follow-up review booked for Monday").doesNotContain("Incident Bridge"));
    }

    @Test
    void aWorkNoteInServiceNowAppearsOnceInTheNotesFieldAndNothingComesBack() {
        String id = newIncident("Noted in ServiceNow").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        String sysId = awaitServiceNowIncident(id, Map.of("state", "2")).get("sys_id");
        settle(id);

        beth.update("incident", sysId, Map.of("work_notes", "Customer confirmed the fix on their side"));
        long writesBefore = writesFor(id).size();

        await().atMost(PATIENCE).until(() -> serviceNowNotes(id).contains("Customer confirmed the fix on their side"));
        webhooks().send(event("public_incident.incident_updated_v2", id));
        settle(id);
        assertThat(occurrences(serviceNowNotes(id), "Customer confirmed the fix on their side")).isEqualTo(1);
        assertThat(serviceNowNotes(id)).contains("beth.anglin (work note)");
        assertThat(INCIDENTIO.count("POST", "/v2/incidents/" + id + "/actions/edit")).isEqualTo(1);
        assertThat(INCIDENTIO.incident(id).path("incident_status").path("category").asText()).isEqualTo("live");
        assertThat(writesFor(id)).hasSize((int) writesBefore);
    }

    @Test
    void theFirstWorkNoteShowsThoughTheIncidentDoesNotListItsEmptyNotesField() {
        INCIDENTIO.listUnsetCustomFields(false);
        try {
            String id = newIncident("First note in ServiceNow").path("id").asText();
            webhooks().send(event("public_incident.incident_created_v2", id));
            String sysId = awaitServiceNowIncident(id, Map.of("state", "2")).get("sys_id");
            settle(id);
            assertThat(INCIDENTIO.incident(id).path("custom_field_entries").findValuesAsText("name")).doesNotContain("ServiceNow notes");

            beth.update("incident", sysId, Map.of("work_notes", "Paged the database team"));

            await().atMost(PATIENCE).until(() -> serviceNowNotes(id).contains("Paged the database team"));
            settle(id);
            assertThat(serviceNowNotes(id)).contains("beth.anglin (work note): Paged the database team");
            assertThat(INCIDENTIO.count("POST", "/v2/incidents/" + id + "/actions/edit")).isEqualTo(1);
        } finally {
            INCIDENTIO.listUnsetCustomFields(true);
        }
    }

    @Test
    void reassigningInServiceNowSetsTheTeamAndTheLeadInIncidentIoOnceAndNothingComesBack() {
        String id = newIncident("Reassigned in ServiceNow").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        String sysId = awaitServiceNowIncident(id, Map.of("assigned_to", SeedData.ABEL_TUTER_SYS_ID)).get("sys_id");
        settle(id);

        beth.update("incident", sysId, Map.of("assignment_group", SeedData.DATABASE_GROUP_SYS_ID,
                "assigned_to", SeedData.BETH_ANGLIN_SYS_ID));
        long writesBefore = writesFor(id).size();

        await().atMost(PATIENCE).until(() -> "Data".equals(IncidentAssignment.shown(INCIDENTIO.incident(id), "Team")));
        assertThat(incidentLead(id)).isEqualTo("beth.anglin@example.com");
        webhooks().send(event("public_incident.incident_updated_v2", id));
        settle(id);
        assertThat(INCIDENTIO.count("POST", "/v2/incidents/" + id + "/actions/edit")).isEqualTo(1);
        assertThat(writesFor(id)).hasSize((int) writesBefore);
        assertThat(SERVICENOW.record("incident", sysId).orElseThrow())
                .containsEntry("assignment_group", SeedData.DATABASE_GROUP_SYS_ID).containsEntry("assigned_to", SeedData.BETH_ANGLIN_SYS_ID);
    }

    @Test
    void closingTheTaskCompletesTheFollowUpOnceAndNothingComesBack() {
        String id = newIncident("Follow-up closed in ServiceNow").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        awaitServiceNowIncident(id, Map.of("state", "2"));
        String followUpId = INCIDENTIO.createFollowUp(id, "Rotate the keys", "", null).path("id").asText();
        webhooks().send(event("public_incident.follow_up_created_v2", followUpId));
        await().atMost(PATIENCE).until(() -> SERVICENOW.find("task", "correlation_id=" + followUpId).size() == 1);
        settle(id);
        String taskSysId = SERVICENOW.find("task", "correlation_id=" + followUpId).get(0).get("sys_id");

        beth.update("task", taskSysId, Map.of("state", "3"));
        long taskWritesBefore = SERVICENOW.count("PATCH", "/api/now/table/task/" + taskSysId);

        await().atMost(PATIENCE).until(() -> "completed".equals(INCIDENTIO.followUp(followUpId).path("status").asText()));
        webhooks().send(event("public_incident.follow_up_updated_v2", followUpId));
        settle(id);
        assertThat(INCIDENTIO.count("PUT", "/v2/follow_ups/" + followUpId)).isEqualTo(1);
        assertThat(SERVICENOW.count("PATCH", "/api/now/table/task/" + taskSysId)).isEqualTo(taskWritesBefore);
    }

    @Test
    void theBridgesOwnWritesComeBackAsCallbacksAndAreIgnored() {
        String id = newIncident("Own write").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        String sysId = awaitServiceNowIncident(id, Map.of("state", "2")).get("sys_id");
        settle(id);

        INCIDENTIO.updateIncident(id, incident -> incident.put("name", "Own write, renamed"));
        webhooks().send(event("public_incident.incident_updated_v2", id));
        awaitServiceNowIncident(id, Map.of("short_description", "Own write, renamed"));
        settle(id);

        assertThat(SERVICENOW.callbackRule().deliveriesFor(sysId)).isNotEmpty().allSatisfy(delivery -> {
            assertThat(delivery.updatedBy()).isEqualTo(ServiceNowEmulator.USERNAME);
            assertThat(delivery.status()).isEqualTo(202);
        });
        assertThat(INCIDENTIO.count("POST", "/v2/incidents/" + id + "/actions/edit")).isZero();
        assertThat(writesFor(id)).extracting(r -> r.method()).containsExactly("POST", "PATCH");
    }

    @Test
    void callbacksThatAreNotSignedNowWithACurrentSecretAreRefusedAndLeaveNothing() throws Exception {
        String id = newIncident("Forged callbacks").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        Map<String, String> record = awaitServiceNowIncident(id, Map.of("state", "2"));
        settle(id);
        SERVICENOW.callbackRule().remove();
        Map<String, String> resolved = new java.util.HashMap<>(record);
        resolved.put("state", "6");
        resolved.put("sys_updated_by", "beth.anglin");
        resolved.put("sys_mod_count", "99");
        String body = CallbackPoster.body(resolved);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        CallbackPoster poster = new CallbackPoster(port, CALLBACK_SECRET);
        java.time.Instant now = java.time.Instant.now();

        assertRefused(poster.post(body, Map.of()), 401, "missing X-Incident-Bridge-Id");
        assertRefused(poster.post(body, Map.of("Authorization", "Bearer " + CALLBACK_SECRET)), 401, "missing X-Incident-Bridge-Id");
        assertRefused(poster.post(body, CallbackPoster.signature(WebhookSender.newSecret(), bytes)), 401,
                "no X-Incident-Bridge-Signature matches");
        assertRefused(poster.post(body.replace("\"6\"", "\"7\""), CallbackPoster.signature(CALLBACK_SECRET, bytes)), 401,
                "no X-Incident-Bridge-Signature matches");
        assertRefused(poster.post(body, CallbackPoster.signature(CALLBACK_SECRET, CallbackPoster.newMessageId(),
                now.minusSeconds(6 * 60), bytes)), 401, "X-Incident-Bridge-Timestamp is outside the 300 s tolerance");
        assertRefused(poster.post(body, CallbackPoster.signature(CALLBACK_SECRET, CallbackPoster.newMessageId(),
                now.plusSeconds(6 * 60), bytes)), 401, "outside the 300 s tolerance");
        assertThat(stored(record.get("sys_id") + ":99")).isZero();

        // Signed now with the current secret: taken once; the identical request sent again is a replay.
        Map<String, String> once = CallbackPoster.signature(CALLBACK_SECRET, bytes);
        assertThat(poster.post(body, once).statusCode()).isEqualTo(202);
        assertRefused(poster.post(body, once), 401, "X-Incident-Bridge-Id was already received");
        assertThat(stored(record.get("sys_id") + ":99")).isEqualTo(1);
    }

    private long stored(String deliveryId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE source = 'servicenow' AND delivery_id = ?",
                Long.class, deliveryId);
    }

    @Test
    void duringRotationCallbacksSignedWithEitherSecretAreTaken() throws Exception {
        String id = newIncident("Rotated callback secret").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        String sysId = awaitServiceNowIncident(id, Map.of("state", "2")).get("sys_id");
        settle(id);
        SERVICENOW.callbackRule().install(CallbackTarget.of(callbackUrl(), PREVIOUS_CALLBACK_SECRET));

        beth.update("incident", sysId, Map.of("work_notes", "Signed with the secret being retired"));
        await().atMost(PATIENCE).until(() -> serviceNowNotes(id).contains("Signed with the secret being retired"));
        installCallbackRule();
        beth.update("incident", sysId, Map.of("work_notes", "Signed with the new secret"));
        await().atMost(PATIENCE).until(() -> serviceNowNotes(id).contains("Signed with the new secret"));

        assertThat(SERVICENOW.callbackRule().deliveriesFor(sysId)).allSatisfy(d -> assertThat(d.status()).isEqualTo(202));
    }

    @Test
    void aSignedCallbackCannotPutWordsInAnAgentsMouth() throws Exception {
        String id = newIncident("Forged journal").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        String sysId = awaitServiceNowIncident(id, Map.of("state", "2")).get("sys_id");
        settle(id);
        SERVICENOW.callbackRule().remove();
        beth.update("incident", sysId, Map.of("work_notes", "What Beth really wrote"));
        Map<String, String> record = SERVICENOW.record("incident", sysId).orElseThrow();

        // A body signed with the real key (a leaked copy, or a script edited on the instance) that claims more than
        // ServiceNow holds: another note by Beth, and a state the record does not have.
        com.fasterxml.jackson.databind.node.ObjectNode forged = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(CallbackPoster.body(record));
        ((com.fasterxml.jackson.databind.node.ObjectNode) forged.get("values")).put("state", "7");
        forged.putArray("journal").addObject().put("element", "work_notes").put("value", "Approved the wire transfer")
                .put("sys_created_on", record.get("sys_updated_on")).put("sys_created_by", "beth.anglin");
        assertThat(new CallbackPoster(port, CALLBACK_SECRET).post(forged.toString()).statusCode()).isEqualTo(202);

        await().atMost(PATIENCE).until(() -> serviceNowNotes(id).contains("What Beth really wrote"));
        settle(id);
        assertThat(serviceNowNotes(id)).doesNotContain("wire transfer");
        assertThat(INCIDENTIO.incident(id).path("incident_status").path("category").asText()).isEqualTo("live");
    }

    @Test
    void callbacksOfAnotherShapeAreRefused() throws Exception {
        String body = "{\"table\":\"incident\",\"sys_id\":\"0123456789abcdef0123456789abcdef\",\"number\":\"INC0010001\","
                + "\"sys_updated_on\":\"2026-11-29 10:00:00\",\"sys_updated_by\":\"beth.anglin\",\"sys_mod_count\":\"1\","
                + "\"values\":{\"state\":\"6\"},\"journal\":[]}";
        CallbackPoster poster = new CallbackPoster(port, CALLBACK_SECRET);

        HttpResponse<String> tokenInUrl = http.send(HttpRequest.newBuilder(URI.create(callbackUrl() + "?Authorization="
                        + URLEncoder.encode("Bearer " + CALLBACK_SECRET, StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tokenInUrl.statusCode()).isEqualTo(401);
        assertThat(poster.post("{\"table\":\"sys_user\"}").statusCode()).isEqualTo(400);
        assertThat(poster.post(body.replace("0123456789abcdef0123456789abcdef", "not-a-sys-id")).statusCode()).isEqualTo(400);
        assertThat(poster.post("not json").statusCode()).isEqualTo(400);
        assertThat(poster.post(body).body()).contains("ignored");
    }

    private static void assertRefused(HttpResponse<String> answer, int status, String reason) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.body()).contains(reason);
    }

    private static java.util.List<String> workNotes(String sysId) {
        return SERVICENOW.journal(sysId).stream().filter(e -> "work_notes".equals(e.get("element"))).map(e -> e.get("value")).toList();
    }

    /** Who made each of the incident's updates, oldest first: "user" or "api_key". */
    private java.util.List<String> updatersOf(String incidentId) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(INCIDENTIO.baseUrl() + "/v2/incident_updates?incident_id="
                + incidentId)).header("Authorization", "Bearer " + io.incidentbridge.emulator.incidentio.IncidentIoEmulator.API_KEY)
                .build(), HttpResponse.BodyHandlers.ofString());
        java.util.List<String> updaters = new java.util.ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()).path("incident_updates")
                .forEach(update -> updaters.add(0, update.path("updater").fieldNames().next()));
        return updaters;
    }

    private static int occurrences(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
