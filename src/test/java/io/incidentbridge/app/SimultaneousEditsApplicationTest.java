package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentbridge.backsync.IncidentAssignment;
import io.incidentbridge.emulator.servicenow.SeedData;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Edit the same field on both sides within a second: the configured owner wins, consistently." With the default
 * ownership (incident.io owns severity, ServiceNow owns assignment), both sides edit the same field one right after the
 * other, and the two deliveries reach the bridge in every order: incident.io's webhook first, ServiceNow's callback
 * first, or both at once; each order twice. Every time, both sides end with the owner's value, through one write on the
 * other side only, and the echoes (incident.io's webhook about the bridge's edit, ServiceNow's callback about the
 * bridge's write) write nothing more.
 */
class SimultaneousEditsApplicationTest extends BridgeApplicationTest {
    enum Order { WEBHOOK_FIRST, CALLBACK_FIRST, TOGETHER }

    private static String davidLoo;

    @BeforeAll
    static void davidLooWorksOnBothSides() {
        davidLoo = SERVICENOW.addUser("david.loo", null, "david.loo@example.com", "David Loo", Set.of());
    }

    static Stream<Arguments> deliveries() {
        return IntStream.rangeClosed(1, 2).boxed().flatMap(round -> Stream.of(Order.values()).map(order -> Arguments.of(order, round)));
    }

    @ParameterizedTest(name = "{0}, round {1}")
    @MethodSource("deliveries")
    void incidentIoKeepsTheSeverityItOwns(Order order, int round) throws Exception {
        String id = synced("Severity edited on both sides, " + order + " " + round);
        String sysId = serviceNowIncident(id).orElseThrow().get("sys_id");

        INCIDENTIO.updateIncident(id, incident -> incident.set("severity", INCIDENTIO.severity("Critical")));
        String webhook = event("public_incident.incident_updated_v2", id);
        SERVICENOW.update("incident", sysId, Map.of("impact", "3", "urgency", "3"), "beth.anglin");
        String callback = CallbackPoster.body(SERVICENOW.record("incident", sysId).orElseThrow());
        Writes before = writes(id, sysId);
        deliver(order, id, webhook, callback);

        assertThat(INCIDENTIO.incident(id).path("severity").path("name").asText()).isEqualTo("Critical");
        assertThat(SERVICENOW.record("incident", sysId).orElseThrow()).containsEntry("impact", "1").containsEntry("urgency", "1");
        assertThat(writes(id, sysId).since(before)).isEqualTo(new Writes(0, 1));
        assertTheEchoesWriteNothing(id, sysId);
    }

    @ParameterizedTest(name = "{0}, round {1}")
    @MethodSource("deliveries")
    void serviceNowKeepsTheAssignmentItOwns(Order order, int round) throws Exception {
        String id = synced("Reassigned on both sides, " + order + " " + round);
        String sysId = serviceNowIncident(id).orElseThrow().get("sys_id");

        INCIDENTIO.setCustomField(id, "Team", "Platform");
        INCIDENTIO.assignRole(id, "Incident Lead", "beth.anglin@example.com");
        String webhook = event("public_incident.incident_updated_v2", id);
        SERVICENOW.update("incident", sysId, Map.of("assignment_group", SeedData.DATABASE_GROUP_SYS_ID, "assigned_to", davidLoo),
                "beth.anglin");
        String callback = CallbackPoster.body(SERVICENOW.record("incident", sysId).orElseThrow());
        Writes before = writes(id, sysId);
        deliver(order, id, webhook, callback);

        assertThat(IncidentAssignment.shown(INCIDENTIO.incident(id), "Team")).isEqualTo("Data");
        assertThat(incidentLead(id)).isEqualTo("david.loo@example.com");
        assertThat(SERVICENOW.record("incident", sysId).orElseThrow())
                .containsEntry("assignment_group", SeedData.DATABASE_GROUP_SYS_ID).containsEntry("assigned_to", davidLoo);
        assertThat(writes(id, sysId).since(before)).isEqualTo(new Writes(1, 0));
        assertTheEchoesWriteNothing(id, sysId);
    }

    private String synced(String name) {
        String id = newIncident(name).path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        awaitServiceNowIncident(id, Map.of("short_description", name, "impact", "2", "assigned_to", SeedData.ABEL_TUTER_SYS_ID));
        awaitInboxDrained(id);
        return id;
    }

    /** Each delivery is acknowledged as stored; "first" means the bridge has finished with it before the other arrives. */
    private void deliver(Order order, String id, String webhook, String callback) throws Exception {
        CallbackPoster serviceNow = new CallbackPoster(port, CALLBACK_SECRET);
        switch (order) {
            case WEBHOOK_FIRST -> {
                webhooks().send(webhook);
                awaitInboxDrained(id);
                assertThat(serviceNow.post(callback).statusCode()).isEqualTo(202);
            }
            case CALLBACK_FIRST -> {
                assertThat(serviceNow.post(callback).statusCode()).isEqualTo(202);
                awaitInboxDrained(id);
                webhooks().send(webhook);
            }
            case TOGETHER -> {
                webhooks().send(webhook);
                assertThat(serviceNow.post(callback).statusCode()).isEqualTo(202);
            }
        }
        awaitInboxDrained(id);
    }

    /** What incident.io and ServiceNow would send about the bridge's own writes: the system stays quiet. */
    private void assertTheEchoesWriteNothing(String id, String sysId) throws Exception {
        Writes settled = writes(id, sysId);
        webhooks().send(event("public_incident.incident_updated_v2", id));
        new CallbackPoster(port, CALLBACK_SECRET).post(CallbackPoster.body(SERVICENOW.record("incident", sysId).orElseThrow()));
        awaitInboxDrained(id);
        assertThat(writes(id, sysId)).isEqualTo(settled);
    }

    private Writes writes(String id, String sysId) {
        return new Writes(INCIDENTIO.count("POST", "/v2/incidents/" + id + "/actions/edit"),
                SERVICENOW.count("PATCH", "/api/now/table/incident/" + sysId));
    }

    /** Writes the bridge made: incident.io edits of the incident, PATCHes of its ServiceNow record. */
    private record Writes(long incidentIoEdits, long serviceNowPatches) {
        Writes since(Writes before) {
            return new Writes(incidentIoEdits - before.incidentIoEdits, serviceNowPatches - before.serviceNowPatches);
        }
    }
}
