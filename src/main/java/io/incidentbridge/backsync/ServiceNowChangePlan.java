package io.incidentbridge.backsync;

import io.incidentbridge.model.IncidentSnapshot;
import io.incidentbridge.sync.FieldSettlement;
import io.incidentbridge.sync.RecordLink;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link ServiceNowChangeDecision} decided for one claim, in incident.io's and ServiceNow's terms, and (once
 * applied) the incident as incident.io holds it after the edit. {@code verdict} is null when the incident is not
 * settled this time (only follow-up tasks changed, or the record no longer exists).
 */
public record ServiceNowChangePlan(BothSides sides, List<FollowUpStatus> followUpStatuses, IncidentIoChange toIncidentIo,
                                   Map<String, String> toServiceNow, FieldSettlement.Verdict verdict,
                                   IncidentSnapshot incidentAfter, boolean incidentIoEdited) {

    public ServiceNowChangePlan {
        followUpStatuses = List.copyOf(followUpStatuses);
        // Kept in the settlement's order, which is the order of the ServiceNow write.
        toServiceNow = Collections.unmodifiableMap(new LinkedHashMap<>(toServiceNow));
    }

    public boolean settles() {
        return verdict != null;
    }

    /** The same plan once incident.io holds the edit: {@code after} is the incident as incident.io answered it. */
    public ServiceNowChangePlan editedTo(IncidentSnapshot after) {
        return new ServiceNowChangePlan(sides, followUpStatuses, toIncidentIo, toServiceNow, verdict, after, true);
    }

    /** The status a follow-up takes from its task, and the task's state to remember as synced. */
    public record FollowUpStatus(RecordLink link, String status, String taskState) {
    }

    /**
     * The values incident.io is to show, each null when it stays: name, the responder's text of the summary, severity
     * (by name), status (by category; {@code severityAfterEdit} is the severity name the incident has once the edit is
     * applied, which picks its post-incident flow), the assignment, and the notes lines (oldest first) to show.
     */
    public record IncidentIoChange(String name, String summary, String severity, String statusCategory,
                                   String severityAfterEdit, Assignment assignment, List<String> notes) {
        public static final IncidentIoChange NONE = new IncidentIoChange(null, null, null, null, null, null, List.of());

        public IncidentIoChange {
            notes = List.copyOf(notes);
        }

        public boolean isEmpty() {
            return name == null && summary == null && severity == null && statusCategory == null && assignment == null
                    && notes.isEmpty();
        }
    }

    /**
     * ServiceNow's assignment as incident.io custom field values (name → value) and role holders (role → email); the
     * scopes add the names the template gave until now, so a value it no longer gives is cleared.
     */
    public record Assignment(Map<String, String> customFields, Set<String> customFieldScope, Map<String, String> roles,
                             Set<String> roleScope) {
    }
}
