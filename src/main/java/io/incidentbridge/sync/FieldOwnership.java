package io.incidentbridge.sync;

import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.config.BridgeProperties.Owner;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Who keeps an owned field when incident.io and ServiceNow disagree about it (bridge.ownership): incident.io,
 * ServiceNow, or the side whose record changed last. Last writer wins compares incident.io's updated_at with
 * ServiceNow's sys_updated_on to the second, ServiceNow's resolution, and a tie goes to incident.io: two edits in the
 * same second resolve the same way every time, whichever arrives first.
 */
@Component
public class FieldOwnership {
    private static final DateTimeFormatter SERVICENOW_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public enum Side { INCIDENT_IO, SERVICENOW }

    private final Map<OwnedField, Owner> owners = new EnumMap<>(OwnedField.class);

    public FieldOwnership(BridgeProperties properties) {
        BridgeProperties.Ownership ownership = properties.ownership();
        owners.put(OwnedField.NAME, ownership.name());
        owners.put(OwnedField.SUMMARY, ownership.summary());
        owners.put(OwnedField.STATUS, ownership.status());
        owners.put(OwnedField.SEVERITY, ownership.severity());
        owners.put(OwnedField.ASSIGNMENT, ownership.assignment());
    }

    public Owner owner(OwnedField field) {
        return owners.get(field);
    }

    /**
     * The side whose value {@code field} keeps when the two disagree; {@code serviceNowUpdatedOn} is the record's
     * sys_updated_on (UTC, whole seconds), empty when unknown.
     */
    public Side winner(OwnedField field, OffsetDateTime incidentIoUpdatedAt, String serviceNowUpdatedOn) {
        return switch (owner(field)) {
            case INCIDENT_IO -> Side.INCIDENT_IO;
            case SERVICENOW -> Side.SERVICENOW;
            case LAST_WRITER_WINS -> changedLaterInServiceNow(incidentIoUpdatedAt, serviceNowUpdatedOn) ? Side.SERVICENOW : Side.INCIDENT_IO;
        };
    }

    private static boolean changedLaterInServiceNow(OffsetDateTime incidentIoUpdatedAt, String serviceNowUpdatedOn) {
        if (serviceNowUpdatedOn == null || serviceNowUpdatedOn.isBlank()) {
            return false;
        }
        LocalDateTime serviceNow = LocalDateTime.parse(serviceNowUpdatedOn, SERVICENOW_TIME);
        LocalDateTime incidentIo = incidentIoUpdatedAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
        return serviceNow.isAfter(incidentIo);
    }
}
