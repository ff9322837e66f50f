package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The incidents, as IncidentV2 JSON, plus what incident.io knows about each that the object does not show:
 * the status before the latest status change and the latest update message (both appear in webhooks).
 * A change is applied to a copy and committed whole, with a new {@code updated_at}, or not at all.
 */
final class IncidentStore {
    private static final class Entry {
        private ObjectNode incident;
        private ObjectNode previousStatus;
        private String latestUpdateMessage;
        private String statusChangeMessage;
    }

    private final Map<String, Entry> byId = new LinkedHashMap<>();
    private final Map<String, String> idByNumber = new HashMap<>();
    private final MicrosClock clock;
    private int lastNumber;
    private volatile boolean listsUnsetCustomFields = true;

    IncidentStore(MicrosClock clock) {
        this.clock = clock;
    }

    /** Builds the next incident with its reference number and stores it. */
    synchronized ObjectNode create(IntFunction<ObjectNode> build) {
        int number = ++lastNumber;
        ObjectNode incident = build.apply(number);
        Entry entry = new Entry();
        entry.incident = incident;
        byId.put(incident.path("id").asText(), entry);
        idByNumber.put(Integer.toString(number), incident.path("id").asText());
        return incident.deepCopy();
    }

    /** By id, or by the numeric part of the reference ({@code 123} for INC-123), as the API allows (b.4). */
    synchronized Optional<ObjectNode> find(String idOrNumber) {
        return entry(idOrNumber).map(e -> shown(e.incident.deepCopy()));
    }

    /**
     * Whether an incident lists the custom fields it has no value in (with empty {@code values}). incident.io's
     * documentation does not say; the bridge must be right either way.
     */
    void listUnsetCustomFields(boolean listed) {
        listsUnsetCustomFields = listed;
    }

    /** The incident as the API shows it: without the entries of unset fields when those are not listed. */
    ObjectNode shown(ObjectNode copy) {
        if (!listsUnsetCustomFields && copy.path("custom_field_entries").isArray()) {
            copy.withArray("custom_field_entries").removeIf(entry -> entry.path("values").isEmpty());
        }
        return copy;
    }

    /**
     * The stored incidents themselves, for read-only listing: a change always replaces an incident with a new object,
     * so these are never modified; copying 100,000 of them for every page would make large lists crawl.
     */
    synchronized List<ObjectNode> allUncopied() {
        List<ObjectNode> incidents = new ArrayList<>(byId.size());
        byId.values().forEach(e -> incidents.add(e.incident));
        return incidents;
    }

    synchronized List<ObjectNode> all() {
        List<ObjectNode> copies = new ArrayList<>();
        byId.values().forEach(e -> copies.add(shown(e.incident.deepCopy())));
        return copies;
    }

    /**
     * Applies {@code change} to a copy. When the copy differs (or {@code alwaysBump}), it replaces the incident
     * with a strictly later {@code updated_at}. An exception from {@code change} leaves the incident untouched.
     */
    synchronized ObjectNode change(String idOrNumber, Consumer<ObjectNode> change, boolean alwaysBump) {
        Entry entry = entry(idOrNumber).orElseThrow(() -> new IllegalArgumentException("no incident " + idOrNumber));
        ObjectNode before = entry.incident;
        ObjectNode after = before.deepCopy();
        change.accept(after);
        after.put("updated_at", before.path("updated_at").asText());
        if (!alwaysBump && after.equals(before)) {
            return shown(before.deepCopy());
        }
        after.put("updated_at", clock.next());
        if (!after.path("incident_status").path("id").equals(before.path("incident_status").path("id"))) {
            entry.previousStatus = (ObjectNode) before.path("incident_status").deepCopy();
            entry.statusChangeMessage = null;
        }
        entry.incident = after;
        return shown(after.deepCopy());
    }

    synchronized Optional<ObjectNode> previousStatus(String id) {
        return entry(id).map(e -> e.previousStatus == null ? null : e.previousStatus.deepCopy());
    }

    synchronized Optional<String> latestUpdateMessage(String id) {
        return entry(id).map(e -> e.latestUpdateMessage);
    }

    /** The message of the update that made the latest status change, if an update made it. */
    synchronized Optional<String> statusChangeMessage(String id) {
        return entry(id).map(e -> e.statusChangeMessage);
    }

    /**
     * Posts an update: its message becomes the latest, and when it moves the status (to {@code status}, unless
     * null) the status change carries its message. Atomic, so webhooks never see one without the other.
     */
    synchronized ObjectNode postUpdate(String id, String message, ObjectNode status) {
        Entry entry = entry(id).orElseThrow(() -> new IllegalArgumentException("no incident " + id));
        boolean movesStatus = status != null
                && !status.path("id").equals(entry.incident.path("incident_status").path("id"));
        ObjectNode changed = change(id, incident -> {
            if (status != null) {
                incident.set("incident_status", status);
            }
        }, true);
        entry.latestUpdateMessage = message;
        if (movesStatus) {
            entry.statusChangeMessage = message;
        }
        return changed;
    }

    private Optional<Entry> entry(String idOrNumber) {
        Entry entry = byId.get(idOrNumber);
        if (entry == null && idOrNumber != null) {
            String id = idByNumber.get(idOrNumber);
            entry = id == null ? null : byId.get(id);
        }
        return Optional.ofNullable(entry);
    }
}
