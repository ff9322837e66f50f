package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.servicenow.SeedData;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Caller, assignee, group and CMDB item resolve to sys_ids; what does not exist is left out; ^NQ widens nothing, and a
 * name that ServiceNow would run as a script is never sent.
 */
class ReferenceLookupApplicationTest extends BridgeApplicationTest {

    @Test
    void existingPeopleGroupsAndServicesAreLinkedBySysId() {
        String id = newIncident("Payments latency").path("id").asText();
        INCIDENTIO.updateIncident(id, incident -> {
            incident.set("creator", json().set("user", INCIDENTIO.user("abel.tuter@example.com")));
            ArrayNode roles = incident.putArray("incident_role_assignments");
            ObjectNode lead = roles.addObject();
            lead.set("role", INCIDENTIO.incidentRole("Incident Lead"));
            lead.set("assignee", INCIDENTIO.user("beth.anglin@example.com"));
            ArrayNode fields = incident.putArray("custom_field_entries");
            fields.add(entry("Team", json().set("value_option", json().put("id", "opt1").put("value", "Platform"))));
            fields.add(entry("Affected services", json().set("value_catalog_entry", json().put("id", "ce1").put("name", "Email"))));
        });
        webhooks().send(event("public_incident.incident_created_v2", id));

        Map<String, String> record = awaitServiceNowIncident(id, Map.of("short_description", "Payments latency"));
        assertThat(record)
                .containsEntry("caller_id", SeedData.ABEL_TUTER_SYS_ID)
                .containsEntry("assigned_to", SeedData.BETH_ANGLIN_SYS_ID)
                .containsEntry("assignment_group", SeedData.NETWORK_GROUP_SYS_ID)
                .containsEntry("cmdb_ci", SeedData.EMAIL_SERVICE_SYS_ID);
    }

    @Test
    void unknownReferencesAreLeftOutAndAnInjectedNewQueryMatchesNothing() {
        String id = newIncident("Unknown people").path("id").asText();
        INCIDENTIO.updateIncident(id, incident -> {
            incident.set("creator", json().set("user", json().put("id", "u-x").put("name", "Mallory")
                    .put("email", "nobody@example.com^NQactive=true")));
            ArrayNode fields = incident.putArray("custom_field_entries");
            fields.add(entry("Team", json().put("value_text", "Ghosts^ORname!=x")));
        });
        webhooks().send(event("public_incident.incident_created_v2", id));

        Map<String, String> record = awaitServiceNowIncident(id, Map.of("short_description", "Unknown people"));
        assertThat(record.get("caller_id")).isEmpty();
        assertThat(record.get("assignment_group")).isEmpty();
        assertThat(SERVICENOW.requests()).filteredOn(r -> r.path().endsWith("/sys_user"))
                .anySatisfy(r -> assertThat(r.query().get("sysparm_query")).contains("^^NQactive=true"));
    }

    @Test
    void namesServiceNowWouldRunAsAScriptAreLookedUpAsNothingAndTheIncidentStillArrives() {
        String id = newIncident("Script-shaped names").path("id").asText();
        INCIDENTIO.updateIncident(id, incident -> {
            ArrayNode fields = incident.putArray("custom_field_entries");
            fields.add(entry("Team", json().put("value_text", "javascript:gs.getUserID()")));
            fields.add(entry("Affected services", json().set("value_catalog_entry",
                    json().put("id", "ce-js").put("name", "JavaScript:new GlideRecord('sys_user').deleteMultiple()"))));
        });
        webhooks().send(event("public_incident.incident_created_v2", id));

        Map<String, String> record = awaitServiceNowIncident(id, Map.of("short_description", "Script-shaped names"));
        awaitInboxDrained(id);
        assertThat(record.get("assignment_group")).isEmpty();
        assertThat(record.get("cmdb_ci")).isEmpty();
        assertThat(deadLettersFor(id)).isZero();
        assertThat(SERVICENOW.requests()).noneMatch(r -> r.query().getOrDefault("sysparm_query", "").toLowerCase()
                .contains("javascript:"));
    }

    private ObjectNode entry(String fieldName, ObjectNode value) {
        ObjectNode entry = json();
        entry.set("custom_field", json().put("id", "cf-" + fieldName).put("name", fieldName).put("field_type", "single_select"));
        entry.putArray("values").add(value);
        return entry;
    }

    private static ObjectNode json() {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
}
