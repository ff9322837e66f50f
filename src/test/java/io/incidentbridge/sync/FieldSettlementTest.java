package io.incidentbridge.sync;

import io.incidentbridge.model.IncidentSnapshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.TestSettings;
import io.incidentbridge.config.BridgeProperties;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.mapping.DirectoryLookups;
import io.incidentbridge.mapping.IncidentMapper;
import io.incidentbridge.mapping.IncidentSide;
import io.incidentbridge.mapping.MappingTemplates;
import io.incidentbridge.mapping.ServiceNowChangeMapper;
import io.incidentbridge.mapping.SummaryNotesSection;
import io.incidentbridge.servicenow.ServiceNowRecord;
import io.incidentbridge.sync.FieldSettlement.Trigger;
import io.incidentbridge.sync.FieldSettlement.Verdict;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * An incident last synced as {@link #SYNCED}; each test changes one side, the other or both, and asks what to write
 * where. The templates are the shipped ones; references resolve through {@link DirectoryLookups#sample()}.
 */
class FieldSettlementTest {
    private static final String ABEL = "62826bf03710200044e0bfc8bcbe5df1";
    private static final String BETH = "46d44a23a9fe19810012d100cca80666";
    private static final String NETWORK = "287ebd7da9fe198100f92cc8d1d2154e";
    private static final OffsetDateTime INCIDENT_IO_EDIT = OffsetDateTime.parse("2026-11-29T10:00:05.123456Z");
    private static final Map<String, String> SYNCED = Map.of("short_description", "Checkout down",
            "description", "Cards fail\n\nincident.io: https://app.incident.io/acme/incidents/7", "state", "2", "hold_reason", "",
            "impact", "2", "urgency", "1", "caller_id", ABEL, "assigned_to", ABEL, "correlation_id", "01INC",
            "correlation_display", "incident.io");
    private static final Supplier<ServiceNowRecord> NOT_READ = () -> {
        throw new AssertionError("ServiceNow was read");
    };

    private final FieldSettlement settlement = settlement(Map.of());

    @Test
    void incidentIosChangeToAFieldItOwnsIsWrittenWholeWithoutReadingServiceNow() {
        Verdict verdict = settlement.settle(Trigger.INCIDENT_IO_CHANGE, with(SYNCED, "impact", "1"), SYNCED, NOT_READ, INCIDENT_IO_EDIT);

        // urgency goes with impact, so that ServiceNow changing it meanwhile cannot leave half of each side's severity.
        assertThat(verdict.toServiceNow()).containsOnly(Map.entry("impact", "1"), Map.entry("urgency", "1"));
        assertThat(verdict.toIncidentIo()).isEmpty();
        assertThat(verdict.synced()).containsEntry("impact", "1");
    }

    @Test
    void incidentIosChangeToAFieldServiceNowOwnsAndChangedTooIsHeldBackForIncidentIoToTakeServiceNows() {
        Map<String, String> desired = with(SYNCED, "assigned_to", BETH);

        Verdict verdict = settlement.settle(Trigger.INCIDENT_IO_CHANGE, desired, SYNCED, record(with(SYNCED, "assignment_group", NETWORK)),
                INCIDENT_IO_EDIT);

        assertThat(verdict.toServiceNow()).isEmpty();
        assertThat(verdict.toIncidentIo()).containsExactly(OwnedField.ASSIGNMENT);
        assertThat(verdict.synced()).containsEntry("assigned_to", ABEL).doesNotContainKey("assignment_group");
    }

    @Test
    void incidentIosChangeToAFieldServiceNowOwnsButLeftAloneIsWritten() {
        Verdict verdict = settlement.settle(Trigger.INCIDENT_IO_CHANGE, with(SYNCED, "assigned_to", BETH), SYNCED, record(SYNCED),
                INCIDENT_IO_EDIT);

        assertThat(verdict.toServiceNow()).containsExactly(Map.entry("assigned_to", BETH));
        assertThat(verdict.toIncidentIo()).isEmpty();
    }

    @Test
    void serviceNowsChangeNobodyElseMadeFlowsEvenToAFieldIncidentIoOwns() {
        Verdict verdict = settlement.settle(Trigger.SERVICENOW_CHANGE, SYNCED, SYNCED, record(with(SYNCED, "state", "6")), INCIDENT_IO_EDIT);

        assertThat(verdict.toIncidentIo()).containsExactly(OwnedField.STATUS);
        assertThat(verdict.toServiceNow()).isEmpty();
        assertThat(verdict.synced()).isEqualTo(SYNCED);
    }

    @Test
    void serviceNowsChangeToAFieldIncidentIoOwnsAndChangedTooIsSetBackInServiceNow() {
        Map<String, String> desired = with(with(SYNCED, "impact", "1"), "urgency", "1");
        Map<String, String> minor = with(with(SYNCED, "impact", "3"), "urgency", "3");

        Verdict verdict = settlement.settle(Trigger.SERVICENOW_CHANGE, desired, SYNCED, record(minor), INCIDENT_IO_EDIT);

        assertThat(verdict.toServiceNow()).containsOnly(Map.entry("impact", "1"), Map.entry("urgency", "1"));
        assertThat(verdict.toIncidentIo()).isEmpty();
        assertThat(verdict.synced()).containsEntry("impact", "1").containsEntry("urgency", "1");
    }

    @Test
    void serviceNowsChangeToAFieldItOwnsWinsOverIncidentIosChangeToIt() {
        Verdict verdict = settlement.settle(Trigger.SERVICENOW_CHANGE, with(SYNCED, "assigned_to", BETH), SYNCED,
                record(with(SYNCED, "assignment_group", NETWORK)), INCIDENT_IO_EDIT);

        assertThat(verdict.toIncidentIo()).containsExactly(OwnedField.ASSIGNMENT);
        assertThat(verdict.toServiceNow()).isEmpty();
    }

    @Test
    void bothChangedToTheSameValueIsNoConflict() {
        Map<String, String> critical = with(with(SYNCED, "impact", "1"), "urgency", "1");

        Verdict verdict = settlement.settle(Trigger.SERVICENOW_CHANGE, critical, SYNCED, record(critical), INCIDENT_IO_EDIT);

        assertThat(verdict.changesNothing()).isTrue();
    }

    @Test
    void aComparisonRestoresEachFieldsOwnersValue() {
        Map<String, String> drifted = with(with(SYNCED, "short_description", "Edited behind the bridge's back"), "assignment_group", NETWORK);

        Verdict verdict = settlement.settle(Trigger.COMPARISON, SYNCED, SYNCED, record(drifted), INCIDENT_IO_EDIT);

        assertThat(verdict.toServiceNow()).containsExactly(Map.entry("short_description", "Checkout down"));
        assertThat(verdict.toIncidentIo()).containsExactly(OwnedField.ASSIGNMENT);
    }

    @Test
    void aComparisonRepairsFieldsOnlyIncidentIoWrites() {
        Verdict verdict = settlement.settle(Trigger.COMPARISON, SYNCED, SYNCED, record(with(SYNCED, "caller_id", "")), INCIDENT_IO_EDIT);

        assertThat(verdict.toServiceNow()).containsExactly(Map.entry("caller_id", ABEL));
    }

    @Test
    void serviceNowsOwnDetailsAndValuesThatReadBackTheSameAreNoDifference() {
        Map<String, String> resolved = new HashMap<>(SYNCED);
        resolved.putAll(Map.of("state", "6", "close_code", "Solution provided", "close_notes", "Resolved in incident.io (INC-7)."));
        Map<String, String> inServiceNow = new HashMap<>(resolved);
        // Its user's close notes, and impact/urgency 1/2 where the bridge wrote 2/1: both Major.
        inServiceNow.putAll(Map.of("close_code", "Workaround provided", "close_notes", "Restarted the pods", "impact", "1", "urgency", "2"));

        Verdict compared = settlement.settle(Trigger.COMPARISON, resolved, resolved, record(inServiceNow), INCIDENT_IO_EDIT);
        Verdict announced = settlement.settle(Trigger.SERVICENOW_CHANGE, resolved, resolved, record(inServiceNow), INCIDENT_IO_EDIT);

        assertThat(compared.changesNothing()).isTrue();
        assertThat(announced.changesNothing()).isTrue();
    }

    @Test
    void lastWriterWinsTakesTheNewerSideAndIncidentIoInTheSameSecond() {
        FieldSettlement lastWriter = settlement(Map.of("bridge.ownership.status", "last-writer-wins"));
        Map<String, String> paused = with(with(SYNCED, "state", "3"), "hold_reason", "4");

        Verdict later = lastWriter.settle(Trigger.SERVICENOW_CHANGE, paused, SYNCED,
                record(with(with(SYNCED, "state", "6"), "sys_updated_on", "2026-11-29 10:00:06")), INCIDENT_IO_EDIT);
        Verdict sameSecond = lastWriter.settle(Trigger.SERVICENOW_CHANGE, paused, SYNCED,
                record(with(with(SYNCED, "state", "6"), "sys_updated_on", "2026-11-29 10:00:05")), INCIDENT_IO_EDIT);

        assertThat(later.toIncidentIo()).containsExactly(OwnedField.STATUS);
        assertThat(sameSecond.toIncidentIo()).isEmpty();
        assertThat(sameSecond.toServiceNow()).containsOnly(Map.entry("state", "3"), Map.entry("hold_reason", "4"));
    }

    @Test
    void onceIncidentIoTookServiceNowsValueTheMappingOfItCountsAsSynced() {
        Verdict verdict = settlement.settle(Trigger.SERVICENOW_CHANGE, SYNCED, SYNCED,
                record(with(with(SYNCED, "assignment_group", NETWORK), "assigned_to", BETH)), INCIDENT_IO_EDIT);
        Map<String, String> afterEdit = with(with(SYNCED, "assignment_group", NETWORK), "assigned_to", BETH);

        Map<String, String> synced = FieldSettlement.takenByIncidentIo(verdict, afterEdit, record(SYNCED).get());

        assertThat(synced).containsEntry("assignment_group", NETWORK).containsEntry("assigned_to", BETH)
                .containsEntry("short_description", "Checkout down");
    }

    @Test
    void anIncidentBothSidesAgreeOnIsComparedWithoutRunningTheTemplate() {
        BridgeProperties properties = TestSettings.load(Map.of("bridge.servicenow.username", "bridge.integration"));
        int[] runs = {0};
        ServiceNowChangeMapper counting = new ServiceNowChangeMapper(new MappingTemplates(properties, DirectoryLookups.sample()),
                new ObjectMapper(), properties) {
            @Override
            public IncidentSide incident(String table, Map<String, String> values) {
                runs[0]++;
                return super.incident(table, values);
            }
        };
        FieldSettlement cheap = new FieldSettlement(new FieldOwnership(properties), counting, properties);

        Verdict verdict = cheap.settle(Trigger.COMPARISON, SYNCED, SYNCED, record(SYNCED), INCIDENT_IO_EDIT);

        assertThat(verdict.changesNothing()).isTrue();
        assertThat(runs[0]).isZero();
    }

    @Test
    void aSummaryThatDiffersOnlyByTheServiceNowNotesSectionIsNoChangeOnEitherSide() throws Exception {
        IncidentMapper mapper = new IncidentMapper(new MappingTemplates(TestSettings.defaults(), DirectoryLookups.sample()),
                TestSettings.defaults());
        ObjectNode incident = (ObjectNode) new ObjectMapper().readTree(
                java.nio.file.Path.of("src/test/resources/golden/incident/resolved-post-incident.input.json").toFile());
        Map<String, String> synced = mapper.map(snapshot(incident)).fields();
        incident.put("summary", SummaryNotesSection.compose(incident.path("summary").asText(),
                "2026-11-29 10:04:00 UTC, beth.anglin (work note): PSP confirmed the outage"));
        Map<String, String> desired = mapper.map(snapshot(incident)).fields();

        assertThat(desired).isEqualTo(synced);
        for (Trigger trigger : Trigger.values()) {
            assertThat(settlement.settle(trigger, desired, synced, record(synced), INCIDENT_IO_EDIT).changesNothing())
                    .as(trigger.name()).isTrue();
        }
    }

    private static IncidentSnapshot snapshot(ObjectNode incident) {
        return new IncidentSnapshot(incident.path("id").asText(), OffsetDateTime.parse(incident.path("updated_at").asText()), incident);
    }

    private static FieldSettlement settlement(Map<String, Object> overrides) {
        Map<String, Object> settings = new HashMap<>(overrides);
        settings.put("bridge.servicenow.username", "bridge.integration");
        BridgeProperties properties = TestSettings.load(settings);
        ServiceNowChangeMapper changes = new ServiceNowChangeMapper(new MappingTemplates(properties, DirectoryLookups.sample()),
                new ObjectMapper(), properties);
        return new FieldSettlement(new FieldOwnership(properties), changes, properties);
    }

    private static Supplier<ServiceNowRecord> record(Map<String, String> fields) {
        Map<String, String> withId = with(fields, "sys_id", "0123456789abcdef0123456789abcdef");
        return () -> new ServiceNowRecord("incident", withId);
    }

    private static Map<String, String> with(Map<String, String> fields, String name, String value) {
        Map<String, String> copy = new HashMap<>(fields);
        copy.put(name, value);
        return copy;
    }
}
