package io.incidentbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentbridge.TestSettings;
import io.incidentbridge.config.BridgeProperties.Owner;
import io.incidentbridge.sync.FieldOwnership.Side;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldOwnershipTest {
    private static final OffsetDateTime INCIDENT_IO_EDIT = OffsetDateTime.parse("2026-11-29T10:00:05.123456Z");

    @Test
    void theDefaultsGiveIncidentIoWhatTheRespondersSayAndServiceNowTheAssignment() {
        FieldOwnership ownership = new FieldOwnership(TestSettings.defaults());

        assertThat(ownership.owner(OwnedField.NAME)).isEqualTo(Owner.INCIDENT_IO);
        assertThat(ownership.owner(OwnedField.SUMMARY)).isEqualTo(Owner.INCIDENT_IO);
        assertThat(ownership.owner(OwnedField.STATUS)).isEqualTo(Owner.INCIDENT_IO);
        assertThat(ownership.owner(OwnedField.SEVERITY)).isEqualTo(Owner.INCIDENT_IO);
        assertThat(ownership.owner(OwnedField.ASSIGNMENT)).isEqualTo(Owner.SERVICENOW);
    }

    @Test
    void aFixedOwnerWinsWhateverTheTimes() {
        FieldOwnership ownership = new FieldOwnership(TestSettings.defaults());

        assertThat(ownership.winner(OwnedField.SEVERITY, INCIDENT_IO_EDIT, "2026-11-29 11:00:00")).isEqualTo(Side.INCIDENT_IO);
        assertThat(ownership.winner(OwnedField.ASSIGNMENT, INCIDENT_IO_EDIT, "2026-11-29 09:00:00")).isEqualTo(Side.SERVICENOW);
    }

    @Test
    void lastWriterWinsByTheSecondAndATieGoesToIncidentIo() {
        FieldOwnership ownership = new FieldOwnership(TestSettings.load(Map.of("bridge.ownership.status", "last-writer-wins")));

        assertThat(ownership.owner(OwnedField.STATUS)).isEqualTo(Owner.LAST_WRITER_WINS);
        assertThat(ownership.winner(OwnedField.STATUS, INCIDENT_IO_EDIT, "2026-11-29 10:00:06")).isEqualTo(Side.SERVICENOW);
        assertThat(ownership.winner(OwnedField.STATUS, INCIDENT_IO_EDIT, "2026-11-29 10:00:04")).isEqualTo(Side.INCIDENT_IO);
        // ServiceNow's second 10:00:05 holds incident.io's 10:00:05.123456: neither is known to be later.
        assertThat(ownership.winner(OwnedField.STATUS, INCIDENT_IO_EDIT, "2026-11-29 10:00:05")).isEqualTo(Side.INCIDENT_IO);
        assertThat(ownership.winner(OwnedField.STATUS, INCIDENT_IO_EDIT, "")).isEqualTo(Side.INCIDENT_IO);
    }

    @Test
    void lastWriterWinsComparesInstantsWhateverIncidentIosOffset() {
        FieldOwnership ownership = new FieldOwnership(TestSettings.load(Map.of("bridge.ownership.severity", "last-writer-wins")));

        assertThat(ownership.winner(OwnedField.SEVERITY, OffsetDateTime.parse("2026-11-29T12:00:05+02:00"), "2026-11-29 10:00:06"))
                .isEqualTo(Side.SERVICENOW);
    }

    @Test
    void anUnknownOwnerIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> TestSettings.load(Map.of("bridge.ownership.status", "jira")))
                .hasStackTraceContaining("bridge.ownership.status");
    }
}
