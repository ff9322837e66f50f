package io.incidentbridge.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.config.BridgeProperties.Owner;
import io.incidentbridge.mapping.IncidentSide;
import io.incidentbridge.mapping.ServiceNowChangeMapper;
import io.incidentbridge.servicenow.ServiceNowRecord;
import io.incidentbridge.sync.FieldOwnership.Side;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Settles an incident's owned fields between incident.io and ServiceNow, from three views of each: the values the
 * bridge last synced (the link), the values incident.io's mapping gives now, and the values ServiceNow holds now. A
 * field changed in incident.io when the mapping gives other values than the ones last synced; it changed in ServiceNow
 * when servicenow-to-incident.jslt makes something else of ServiceNow's values than of the ones last synced, so a
 * detail incident.io does not show (close notes) or a value that reads back the same (impact/urgency 1/2 and 2/1 are
 * both Major) is no change.
 * <ul>
 * <li>A change the bridge is told about (a webhook, a callback, a poll) is carried to the other side, unless the other
 *     side changed the same field since the last sync: then its owner keeps it ({@link FieldOwnership}).</li>
 * <li>A difference found by comparing (reconciliation, sync now) cannot say which edit came first, or whether either
 *     was ever announced: the owner keeps it.</li>
 * </ul>
 * When incident.io's value is written, all the ServiceNow fields that carry it go together ({@link
 * OwnedField#valueFields()}), so a change to the other half in ServiceNow at the same time cannot survive as a mix. The
 * fields that do not travel both ways (caller, CMDB item, correlation, or an owned field the template does not map back)
 * come from incident.io alone, as before.
 */
@Component
public class FieldSettlement {
    /** What the settlement was asked for. */
    public enum Trigger { INCIDENT_IO_CHANGE, SERVICENOW_CHANGE, COMPARISON }

    /**
     * The fields to write to ServiceNow, the owned fields incident.io is to take from ServiceNow, and the values to
     * remember as synced once the ServiceNow write is done (the fields going to incident.io keep their old synced values
     * until incident.io has them: {@link #takenByIncidentIo}).
     */
    public record Verdict(Map<String, String> toServiceNow, Set<OwnedField> toIncidentIo, Map<String, String> synced) {
        public boolean changesNothing() {
            return toServiceNow.isEmpty() && toIncidentIo.isEmpty();
        }
    }

    private final FieldOwnership ownership;
    private final ServiceNowChangeMapper changes;
    private final String table;

    public FieldSettlement(FieldOwnership ownership, ServiceNowChangeMapper changes, BridgeProperties properties) {
        this.ownership = ownership;
        this.changes = changes;
        this.table = properties.servicenow().incidentTable();
    }

    /**
     * @param desired  the ServiceNow fields incident.io's mapping gives now
     * @param synced   the values the bridge last synced (the link's)
     * @param record   the record as ServiceNow holds it now; read only if needed (a change from incident.io to a field
     *                 incident.io owns never needs it)
     */
    public Verdict settle(Trigger trigger, Map<String, String> desired, Map<String, String> synced, Supplier<ServiceNowRecord> record,
                          OffsetDateTime incidentUpdatedAt) {
        Views views = new Views(desired, synced, record);
        Map<String, String> toServiceNow = new LinkedHashMap<>();
        Set<OwnedField> toIncidentIo = EnumSet.noneOf(OwnedField.class);
        Map<String, String> next = new HashMap<>(synced);
        Map<String, String> incidentIoOnly = new LinkedHashMap<>(desired);
        for (OwnedField field : OwnedField.values()) {
            Map<String, String> mine = field.of(desired);
            incidentIoOnly.keySet().removeAll(field.serviceNowFields());
            Side side = side(trigger, field, views, incidentUpdatedAt);
            if (side == Side.SERVICENOW) {
                toIncidentIo.add(field);
            } else if (side == Side.INCIDENT_IO) {
                toServiceNow.putAll(incidentIosValues(trigger, field, mine, views));
                next.putAll(mine);
            } else if (trigger == Trigger.COMPARISON) {
                next.putAll(mine);
            }
        }
        if (trigger != Trigger.SERVICENOW_CHANGE) {
            toServiceNow.putAll(FieldDiff.changed(incidentIoOnly, trigger == Trigger.COMPARISON ? views.record().fields() : synced));
            next.putAll(incidentIoOnly);
        }
        return new Verdict(toServiceNow, toIncidentIo, next);
    }

    /** The synced values once incident.io took {@code fields} from ServiceNow: what the mapping now gives for them. */
    public static Map<String, String> takenByIncidentIo(Verdict verdict, Map<String, String> desiredNow, ServiceNowRecord record) {
        Map<String, String> synced = new HashMap<>(verdict.synced());
        for (OwnedField field : verdict.toIncidentIo()) {
            for (String name : field.serviceNowFields()) {
                synced.put(name, desiredNow.getOrDefault(name, record.fields().getOrDefault(name, "")));
            }
        }
        return synced;
    }

    /** Which side's value the field takes; null when there is nothing to carry either way. */
    private Side side(Trigger trigger, OwnedField field, Views views, OffsetDateTime incidentUpdatedAt) {
        switch (trigger) {
            case INCIDENT_IO_CHANGE -> {
                if (!views.changedInIncidentIo(field)) {
                    return null;
                }
                // A field incident.io owns is written without looking at ServiceNow.
                boolean contested = ownership.owner(field) != Owner.INCIDENT_IO && views.changedInServiceNow(field);
                return contested ? winner(field, views, incidentUpdatedAt) : Side.INCIDENT_IO;
            }
            case SERVICENOW_CHANGE -> {
                if (!views.changedInServiceNow(field)) {
                    return null;
                }
                Side side = views.changedInIncidentIo(field) ? winner(field, views, incidentUpdatedAt) : Side.SERVICENOW;
                // incident.io keeps its value: ServiceNow gets it back, unless both already read the same.
                return side == Side.INCIDENT_IO && views.agree(field) ? null : side;
            }
            default -> {
                if (views.agree(field)) {
                    return views.changedInIncidentIo(field) ? Side.INCIDENT_IO : null;
                }
                // A field the template does not map back is incident.io's, like the fields only incident.io writes.
                return views.mappedBack(field) ? winner(field, views, incidentUpdatedAt) : Side.INCIDENT_IO;
            }
        }
    }

    /**
     * The values to write for a field incident.io keeps: for its own change, what changed since the last sync with
     * all the fields that carry the value; otherwise what differs from ServiceNow (where both already read the same,
     * only what incident.io changed since, not ServiceNow's own details such as the close notes its user wrote).
     */
    private static Map<String, String> incidentIosValues(Trigger trigger, OwnedField field, Map<String, String> mine, Views views) {
        if (trigger == Trigger.INCIDENT_IO_CHANGE) {
            Map<String, String> values = new LinkedHashMap<>(FieldDiff.changed(mine, views.synced));
            field.valueFields().stream().filter(mine::containsKey).forEach(name -> values.put(name, mine.get(name)));
            return values;
        }
        boolean detailsOnly = trigger == Trigger.COMPARISON && views.agree(field);
        return FieldDiff.changed(detailsOnly ? FieldDiff.changed(mine, views.synced) : mine, views.record().fields());
    }

    private Side winner(OwnedField field, Views views, OffsetDateTime incidentUpdatedAt) {
        return ownership.winner(field, incidentUpdatedAt, views.record().fields().getOrDefault("sys_updated_on", ""));
    }

    /** The three views of one incident, each read back through the template at most once, and only when needed. */
    private final class Views {
        private final Map<String, String> desired;
        private final Map<String, String> synced;
        private final Supplier<ServiceNowRecord> reader;
        private ServiceNowRecord record;
        private IncidentSide inServiceNow;
        private IncidentSide asSynced;
        private IncidentSide asDesired;

        Views(Map<String, String> desired, Map<String, String> synced, Supplier<ServiceNowRecord> reader) {
            this.desired = desired;
            this.synced = synced;
            this.reader = reader;
        }

        ServiceNowRecord record() {
            if (record == null) {
                record = reader.get();
            }
            return record;
        }

        boolean changedInIncidentIo(OwnedField field) {
            return !FieldDiff.changed(field.of(desired), synced).isEmpty();
        }

        boolean changedInServiceNow(OwnedField field) {
            return !same(field, record().fields(), synced) && !value(inServiceNow(), field).equals(value(asSynced(), field));
        }

        /** Whether ServiceNow's values read the same in incident.io as incident.io's own (and the template reads them). */
        boolean agree(OwnedField field) {
            if (same(field, record().fields(), desired)) {
                return true;
            }
            JsonNode serviceNow = value(inServiceNow(), field);
            return !serviceNow.isMissingNode() && serviceNow.equals(value(asDesired(), field));
        }

        /** A field the template gives nothing for, in any view, does not travel back. */
        boolean mappedBack(OwnedField field) {
            return !value(inServiceNow(), field).isMissingNode() || !value(asSynced(), field).isMissingNode()
                    || !value(asDesired(), field).isMissingNode();
        }

        private IncidentSide inServiceNow() {
            if (inServiceNow == null) {
                inServiceNow = changes.incident(table, record().fields());
            }
            return inServiceNow;
        }

        private IncidentSide asSynced() {
            if (asSynced == null) {
                asSynced = changes.incident(table, synced);
            }
            return asSynced;
        }

        /** incident.io's values in ServiceNow's terms; a field the mapping leaves out reads as empty. */
        private IncidentSide asDesired() {
            if (asDesired == null) {
                asDesired = changes.incident(table, desired);
            }
            return asDesired;
        }

        private JsonNode value(IncidentSide side, OwnedField field) {
            return side.field(field.templateKey());
        }

        /**
         * Equal ServiceNow fields read back the same, since the template gives a field's value from its own fields: the
         * template need not run, which keeps a reconciliation of many agreeing incidents cheap.
         */
        private static boolean same(OwnedField field, Map<String, String> a, Map<String, String> b) {
            return field.serviceNowFields().stream().allMatch(name -> a.getOrDefault(name, "").equals(b.getOrDefault(name, "")));
        }
    }
}
