package io.incidentbridge.backsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.TestSettings;
import io.incidentbridge.backsync.BothSides.Change;
import io.incidentbridge.backsync.ServiceNowChangePlan.FollowUpStatus;
import io.incidentbridge.backsync.ServiceNowChangePlan.IncidentIoChange;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.inbox.ClaimedIncident;
import io.incidentbridge.inbox.StoredEvent;
import io.incidentbridge.mapping.DirectoryLookups;
import io.incidentbridge.mapping.MappingTemplates;
import io.incidentbridge.mapping.ServiceNowChangeMapper;
import io.incidentbridge.mapping.SummaryNotesSection;
import io.incidentbridge.model.IncidentSnapshot;
import io.incidentbridge.model.MappedIncident;
import io.incidentbridge.servicenow.ServiceNowRecord;
import io.incidentbridge.sync.FieldOwnership;
import io.incidentbridge.sync.FieldSettlement;
import io.incidentbridge.sync.FieldSettlement.Trigger;
import io.incidentbridge.sync.OwnedField;
import io.incidentbridge.sync.RecordLink;
import io.incidentbridge.sync.SyncOutcome;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The decision of the ServiceNow → incident.io direction on its own, without Spring and without either system: an
 * incident last synced as {@link #SYNCED}, with the shipped templates ({@link DirectoryLookups#sample()} for references).
 * Each test changes ServiceNow, incident.io or both and reads what flows where.
 */
class ServiceNowChangeDecisionTest {
    private static final String BRIDGE = "bridge.integration";
    private static final String PERSON = "ops.person";
    private static final String SYS_ID = "0123456789abcdef0123456789abcdef";
    private static final String TASK_SYS_ID = "fedcba9876543210fedcba9876543210";
    private static final String ABEL = "62826bf03710200044e0bfc8bcbe5df1";
    private static final String BETH = "46d44a23a9fe19810012d100cca80666";
    private static final String NETWORK = "287ebd7da9fe198100f92cc8d1d2154e";
    private static final OffsetDateTime INCIDENT_IO_EDIT = OffsetDateTime.parse("2026-11-29T10:00:05Z");
    private static final Map<String, String> SYNCED = Map.of("short_description", "Checkout down",
            "description", "Cards fail\n\nincident.io: https://app.incident.io/acme/incidents/7", "state", "2", "hold_reason", "",
            "impact", "2", "urgency", "1", "caller_id", ABEL, "assigned_to", ABEL, "correlation_id", "01INC",
            "correlation_display", "incident.io");
    private static final RecordLink LINK = new RecordLink(RecordLink.Kind.INCIDENT, "01INC", "INC-7", "01INC", "incident",
            SYS_ID, "INC0010001", SYNCED, INCIDENT_IO_EDIT, INCIDENT_IO_EDIT, true);
    private static final RecordLink TASK_LINK = new RecordLink(RecordLink.Kind.FOLLOW_UP, "01FUP", "Fix the retry", "01INC",
            "task", TASK_SYS_ID, "TASK0010001", Map.of("state", "1", "short_description", "Fix the retry"), INCIDENT_IO_EDIT,
            INCIDENT_IO_EDIT, false);

    private final ObjectMapper json = new ObjectMapper();
    private final ServiceNowChangeDecision decision = decision(Map.of());

    @Test
    void aStateChangedInServiceNowAloneFlowsToIncidentIoAsAStatusCategory() {
        ServiceNowChangePlan plan = decision.decide(sides(incidentChange(PERSON), with(SYNCED, "state", "6")));

        assertThat(plan.settles()).isTrue();
        assertThat(plan.verdict().toIncidentIo()).containsExactly(OwnedField.STATUS);
        assertThat(plan.toIncidentIo().statusCategory()).isEqualTo("learning");
        assertThat(plan.toIncidentIo().severityAfterEdit()).as("the post-incident flow is chosen by the severity").isEqualTo("Major");
        assertThat(plan.toIncidentIo().name()).isNull();
        assertThat(plan.toServiceNow()).isEmpty();
    }

    @Test
    void theIntegrationUsersOwnChangeIsAnEchoAndCountsForNothing() {
        Change echo = incidentChange(BRIDGE);

        ServiceNowChangePlan plan = decision.decide(sides(echo, with(SYNCED, "state", "6")));

        assertThat(decision.isEcho(echo)).isTrue();
        assertThat(decision.trigger(false, List.of(echo), false)).isEmpty();
        assertThat(plan.settles()).isFalse();
        assertThat(plan.toIncidentIo()).isEqualTo(IncidentIoChange.NONE);
        assertThat(plan.toServiceNow()).isEmpty();
    }

    @Test
    void aFieldIncidentIoOwnsThatBothSidesChangedIsWrittenBackToServiceNow() {
        Map<String, String> desired = with(SYNCED, "short_description", "Checkout down for cards");

        ServiceNowChangePlan plan = decision.decide(sides(desired, List.of(incidentChange(PERSON)),
                Optional.of(record(with(SYNCED, "short_description", "Checkout broken"))), List.of(), Map.of(), false, false));

        assertThat(plan.toServiceNow()).containsEntry("short_description", "Checkout down for cards");
        assertThat(plan.verdict().toIncidentIo()).doesNotContain(OwnedField.NAME);
        assertThat(plan.toIncidentIo().name()).isNull();
    }

    @Test
    void aFieldServiceNowOwnsThatBothSidesChangedFlowsToIncidentIoAndNothingIsWrittenBack() {
        ServiceNowChangeDecision serviceNowOwnsTheName = decision(Map.of("bridge.ownership.name", "servicenow"));
        Map<String, String> desired = with(SYNCED, "short_description", "Checkout down for cards");

        ServiceNowChangePlan plan = serviceNowOwnsTheName.decide(sides(desired, List.of(incidentChange(PERSON)),
                Optional.of(record(with(SYNCED, "short_description", "Checkout broken"))), List.of(), Map.of(), false, false));

        assertThat(plan.toIncidentIo().name()).isEqualTo("Checkout broken");
        assertThat(plan.toServiceNow()).doesNotContainKey("short_description");
    }

    @Test
    void severityGoesWithStatusSoThePostIncidentFlowIsChosenForTheIncidentAsEdited() {
        Map<String, String> resolvedCritical = with(with(with(SYNCED, "state", "6"), "impact", "1"), "urgency", "1");

        ServiceNowChangePlan plan = decision.decide(sides(incidentChange(PERSON), resolvedCritical));

        assertThat(plan.toIncidentIo().severity()).isEqualTo("Critical");
        assertThat(plan.toIncidentIo().statusCategory()).isEqualTo("learning");
        assertThat(plan.toIncidentIo().severityAfterEdit()).isEqualTo("Critical");
    }

    @Test
    void newWorkNotesAreShownButTheBridgesOwnNotesAreNot() {
        List<JsonNode> journal = List.of(entry("work_notes", "Rolled back the deploy", PERSON),
                entry("comments", "Update from incident.io", BRIDGE));

        ServiceNowChangePlan plan = decision.decide(sides(SYNCED, List.of(incidentChange(PERSON)), Optional.of(record(SYNCED)),
                journal, Map.of(), false, false));

        assertThat(plan.toIncidentIo().notes()).singleElement().asString()
                .contains(PERSON).contains("(work note)").endsWith("Rolled back the deploy");
        assertThat(plan.verdict().toIncidentIo()).as("a note changes no owned field").isEmpty();
    }

    @Test
    void aNewAssigneeInServiceNowBecomesTheLeadAndTheGroupItsTeam() {
        Map<String, String> reassigned = with(with(SYNCED, "assigned_to", BETH), "assignment_group", NETWORK);

        ServiceNowChangePlan plan = decision.decide(sides(incidentChange(PERSON), reassigned));

        assertThat(plan.toIncidentIo().assignment()).isNotNull();
        assertThat(plan.toIncidentIo().assignment().roles()).containsEntry("lead", "beth.anglin@example.com");
        assertThat(plan.toIncidentIo().assignment().roleScope()).contains("lead");
        assertThat(plan.toIncidentIo().assignment().customFields()).containsEntry("Team", "Platform");
    }

    @Test
    void aDescriptionChangeIsComparedWithTheRespondersTextAboveTheNotesSectionOnly() {
        String notes = "2026-11-29 10:00:00 UTC, ops.person (work note): Rolled back";
        ServiceNowRecord described = record(with(SYNCED, "description", "Cards fail on retry"));
        BothSides withSection = new BothSides(new MappedIncident(snapshot(incident()
                .put("summary", SummaryNotesSection.compose("Cards fail", notes))), SYNCED), LINK, false, false,
                List.of(incidentChange(PERSON)), Optional.of(described), List.of(), Map.of());
        BothSides alreadyShown = new BothSides(new MappedIncident(snapshot(incident()
                .put("summary", SummaryNotesSection.compose("Cards fail on retry", notes))), SYNCED), LINK, false, false,
                List.of(incidentChange(PERSON)), Optional.of(described), List.of(), Map.of());

        assertThat(decision.decide(withSection).toIncidentIo().summary()).isEqualTo("Cards fail on retry");
        assertThat(decision.decide(alreadyShown).toIncidentIo().summary()).as("the section is no difference").isNull();
    }

    @Test
    void aTaskClosedInServiceNowCompletesItsFollowUp() {
        ServiceNowChangePlan plan = decision.decide(sides(SYNCED, List.of(taskChange(PERSON)), Optional.empty(), List.of(),
                Map.of(TASK_SYS_ID, task("3")), false, false));

        assertThat(plan.followUpStatuses()).containsExactly(new FollowUpStatus(TASK_LINK, "completed", "3"));
        assertThat(plan.settles()).as("a task change alone does not settle the incident").isFalse();
    }

    @Test
    void aTaskChangeThatKeepsItsFollowUpStatusOrIsAnEchoOrIsGoneSetsNothing() {
        assertThat(decision.decide(sides(SYNCED, List.of(taskChange(PERSON)), Optional.empty(), List.of(),
                Map.of(TASK_SYS_ID, task("2")), false, false)).followUpStatuses()).as("1 and 2 are both outstanding").isEmpty();
        assertThat(decision.decide(sides(SYNCED, List.of(taskChange(BRIDGE)), Optional.empty(), List.of(),
                Map.of(TASK_SYS_ID, task("3")), false, false)).followUpStatuses()).as("an echo").isEmpty();
        assertThat(decision.decide(sides(SYNCED, List.of(taskChange(PERSON)), Optional.empty(), List.of(),
                Map.of(), false, false)).followUpStatuses()).as("a task ServiceNow no longer has").isEmpty();
    }

    @Test
    void twoChangesOfOneTaskSetItsFollowUpOnce() {
        ServiceNowChangePlan plan = decision.decide(sides(SYNCED, List.of(taskChange(PERSON), taskChange(PERSON)), Optional.empty(),
                List.of(), Map.of(TASK_SYS_ID, task("4")), false, false));

        assertThat(plan.followUpStatuses()).singleElement().extracting(FollowUpStatus::status).isEqualTo("not_doing");
    }

    @Test
    void anOperatorsRequestComparesBothSidesAndFindsNothingToDoWhereTheyAgree() {
        ServiceNowChangePlan plan = decision.decide(sides(SYNCED, List.of(), Optional.of(record(SYNCED)), List.of(), Map.of(), true, false));

        assertThat(decision.trigger(true, List.of(), false)).contains(Trigger.COMPARISON);
        assertThat(plan.settles()).isTrue();
        assertThat(plan.toIncidentIo().isEmpty()).isTrue();
        assertThat(plan.toServiceNow()).isEmpty();
    }

    @Test
    void aFieldTheForwardDirectionHeldBackIsSettledWithoutAnyServiceNowEvent() {
        ServiceNowChangePlan plan = decision.decide(sides(SYNCED, List.of(), Optional.of(record(with(SYNCED, "state", "7"))),
                List.of(), Map.of(), false, true));

        assertThat(decision.trigger(false, List.of(), true)).contains(Trigger.SERVICENOW_CHANGE);
        assertThat(plan.toIncidentIo().statusCategory()).isEqualTo("closed");
    }

    @Test
    void aRecordServiceNowNoLongerHasSettlesNothing() {
        ServiceNowChangePlan plan = decision.decide(sides(SYNCED, List.of(incidentChange(PERSON)), Optional.empty(), List.of(),
                Map.of(), false, false));

        assertThat(plan.settles()).isFalse();
        assertThat(plan.toIncidentIo()).isEqualTo(IncidentIoChange.NONE);
    }

    @Test
    void nothingToDoWhenNoServiceNowChangeNoRequestAndNothingHeldBack() {
        ClaimedIncident webhookOnly = claim("incidentio");
        SyncOutcome written = new SyncOutcome(SyncOutcome.Action.UPDATED, LINK, Map.of("state", "2"));

        assertThat(decision.anythingMayFlow(webhookOnly, written)).isFalse();
        assertThat(decision.anythingMayFlow(claim(ServiceNowCallbackParser.SOURCE), written)).isTrue();
        assertThat(decision.anythingMayFlow(claim(ClaimedIncident.OPERATOR), written)).isTrue();
        assertThat(decision.anythingMayFlow(webhookOnly, new SyncOutcome(SyncOutcome.Action.UNCHANGED, LINK, Map.of(), true))).isTrue();
        ServiceNowChangePlan plan = decision.decide(sides(SYNCED, List.of(), Optional.empty(), List.of(), Map.of(), false, false));
        assertThat(plan.settles()).isFalse();
        assertThat(plan.followUpStatuses()).isEmpty();
        assertThat(plan.toServiceNow()).isEmpty();
    }

    private BothSides sides(Change change, Map<String, String> record) {
        return sides(SYNCED, List.of(change), Optional.of(record(record)), List.of(), Map.of(), false, false);
    }

    private BothSides sides(Map<String, String> desired, List<Change> changes, Optional<ServiceNowRecord> record,
                            List<JsonNode> journal, Map<String, ServiceNowRecord> tasks, boolean operator, boolean ahead) {
        return new BothSides(new MappedIncident(snapshot(incident()), desired), LINK, operator, ahead, changes, record, journal, tasks);
    }

    /** The incident as incident.io shows the synced values: Checkout down, live, Major, led by Abel. */
    private ObjectNode incident() {
        ObjectNode incident = json.createObjectNode().put("id", "01INC").put("reference", "INC-7").put("name", "Checkout down")
                .put("summary", "Cards fail").put("updated_at", INCIDENT_IO_EDIT.toString());
        incident.putObject("incident_status").put("category", "live").put("name", "Investigating");
        incident.putObject("severity").put("name", "Major");
        return incident;
    }

    private static IncidentSnapshot snapshot(JsonNode incident) {
        return new IncidentSnapshot("01INC", OffsetDateTime.parse(incident.path("updated_at").asText()), incident);
    }

    private static Change incidentChange(String by) {
        return new Change(SYS_ID, by, "2026-11-29 10:00:00", LINK);
    }

    private static Change taskChange(String by) {
        return new Change(TASK_SYS_ID, by, "2026-11-29 10:00:00", TASK_LINK);
    }

    private static ServiceNowRecord record(Map<String, String> fields) {
        Map<String, String> record = new HashMap<>(fields);
        record.put("sys_id", SYS_ID);
        record.put("number", "INC0010001");
        record.put("sys_updated_on", "2026-11-29 10:00:09");
        record.put("sys_updated_by", PERSON);
        return new ServiceNowRecord("incident", record);
    }

    private static ServiceNowRecord task(String state) {
        return new ServiceNowRecord("task", Map.of("sys_id", TASK_SYS_ID, "number", "TASK0010001", "state", state));
    }

    private JsonNode entry(String element, String value, String by) {
        return json.createObjectNode().put("element", element).put("value", value).put("sys_created_on", "2026-11-29 10:00:07")
                .put("sys_created_by", by);
    }

    private static ClaimedIncident claim(String source) {
        return new ClaimedIncident("01INC", List.of(new StoredEvent(1, source, "d-1", "change", "01INC", "{}", 0,
                OffsetDateTime.now())));
    }

    private static Map<String, String> with(Map<String, String> fields, String name, String value) {
        Map<String, String> copy = new HashMap<>(fields);
        copy.put(name, value);
        return copy;
    }

    private static ServiceNowChangeDecision decision(Map<String, Object> overrides) {
        Map<String, Object> settings = new HashMap<>(overrides);
        settings.put("bridge.servicenow.username", BRIDGE);
        BridgeProperties properties = TestSettings.load(settings);
        ObjectMapper json = new ObjectMapper();
        ServiceNowChangeMapper changes = new ServiceNowChangeMapper(new MappingTemplates(properties, DirectoryLookups.sample()),
                json, properties);
        return new ServiceNowChangeDecision(new FieldSettlement(new FieldOwnership(properties), changes, properties), changes,
                json, properties);
    }
}
