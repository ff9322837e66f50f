package io.incidentbridge.ops;

import io.incidentbridge.errors.NotFound;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.incidentio.IncidentIoClient;
import io.incidentbridge.mapping.IncidentMapper;
import io.incidentbridge.mapping.MappingFailure;
import io.incidentbridge.mapping.MappingTemplates;
import io.incidentbridge.mapping.MappingVersions;
import io.incidentbridge.mapping.ServiceNowChangeMapper;
import io.incidentbridge.config.BridgeProperties;
import java.util.List;
import java.util.TreeMap;
import io.incidentbridge.servicenow.ServiceNowTableClient;
import io.incidentbridge.model.IncidentSnapshot;
import io.incidentbridge.sync.RecordLink;
import io.incidentbridge.sync.RecordLinkRepository;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Body;
import org.springframework.stereotype.Component;

/** Validate, preview (either direction) and reload the mapping templates under mappings/. */
@Component
public class MappingAdmin {
    private static final String INCIDENT_TO_SERVICENOW = "incident-to-servicenow";
    private static final String SERVICENOW_TO_INCIDENT = "servicenow-to-incident";
    private final MappingTemplates templates;
    private final IncidentMapper mapper;
    private final IncidentIoClient incidentIo;
    private final RecordLinkRepository links;
    private final ServiceNowTableClient serviceNow;
    private final ObjectMapper json;
    private final ServiceNowChangePreview serviceNowChanges;

    private final MappingVersions versions;
    private final BridgeProperties properties;

    public MappingAdmin(MappingTemplates templates, IncidentMapper mapper, IncidentIoClient incidentIo,
                        RecordLinkRepository links, ServiceNowTableClient serviceNow, ObjectMapper json,
                        ServiceNowChangePreview serviceNowChanges, MappingVersions versions, BridgeProperties properties) {
        this.versions = versions;
        this.properties = properties;
        this.serviceNowChanges = serviceNowChanges;
        this.templates = templates;
        this.mapper = mapper;
        this.incidentIo = incidentIo;
        this.links = links;
        this.serviceNow = serviceNow;
        this.json = json;
    }

    /**
     * Without a body, checks the files under mappings/ without putting them in force. With {@code {"drafts": {"<name>":
     * "<content>"}}}, checks the versions in force with those files replaced by the drafts, as a save would. Invalid:
     * 400 with {@code {"error", "errors": [{"file", "line", "column", "message"}]}}.
     */
    public Map<String, Object> validate(@Body Map<String, Object> request) {
        Map<String, String> drafts = drafts(request);
        if (!drafts.isEmpty()) {
            List<MappingFailure> errors = versions.check(drafts);
            if (!errors.isEmpty()) {
                throw new MappingVersions.Invalid(errors);
            }
            return Map.of("valid", true);
        }
        try {
            templates.validate();
            return Map.of("valid", true);
        } catch (MappingFailure e) {
            throw new MappingVersions.Invalid(List.of(e));
        }
    }

    /** Takes in the files under mappings/ that changed (each a new version, source "file") and puts the newest in force. */
    public Map<String, Object> reload() {
        try {
            templates.validate();
        } catch (MappingFailure e) {
            throw new IllegalArgumentException(e.getMessage() + " (the previous templates stay in force)", e);
        }
        versions.reloadFiles();
        return Map.of("reloaded", true, "versions", new java.util.TreeMap<>(versions.versionsInForce()));
    }

    /** The unsaved contents of {@code "drafts"}, by file name. */
    static Map<String, String> drafts(Map<String, Object> request) {
        if (request == null || request.get("drafts") == null) {
            return Map.of();
        }
        if (!(request.get("drafts") instanceof Map<?, ?> given)) {
            throw new IllegalArgumentException("drafts must be an object: {\"<file name>\": \"<content>\"}");
        }
        Map<String, String> drafts = new LinkedHashMap<>();
        given.forEach((name, content) -> {
            if (!(content instanceof String text)) {
                throw new IllegalArgumentException("the draft of " + name + " must be a string");
            }
            drafts.put(name.toString(), text);
        });
        return drafts;
    }

    private MappingTemplates draftTemplates(Map<String, String> drafts) {
        try {
            return templates.withDrafts(drafts);
        } catch (MappingFailure e) {
            throw new MappingVersions.Invalid(versions.check(drafts).isEmpty() ? List.of(e) : versions.check(drafts));
        }
    }

    /**
     * The ServiceNow fields the incident template gives for {@code {"incident": {...}}} or {@code {"incident_id": "..."}},
     * and how they differ from the linked ServiceNow record as it is now. With {@code "direction":
     * "servicenow-to-incident"}, the incident.io side of a ServiceNow change instead ({@link ServiceNowChangePreview}).
     */
    public Map<String, Object> preview(@Body Map<String, Object> request) {
        String direction = request == null || request.get("direction") == null ? INCIDENT_TO_SERVICENOW
                : request.get("direction").toString();
        Map<String, String> drafts = drafts(request);
        MappingTemplates draft = drafts.isEmpty() ? null : draftTemplates(drafts);
        if (direction.equals(SERVICENOW_TO_INCIDENT)) {
            return serviceNowChanges.preview(request, draft == null ? null : new ServiceNowChangeMapper(draft, json, properties));
        }
        if (!direction.equals(INCIDENT_TO_SERVICENOW)) {
            throw new IllegalArgumentException("direction must be " + INCIDENT_TO_SERVICENOW + " (the default) or " + SERVICENOW_TO_INCIDENT);
        }
        JsonNode incident;
        if (request != null && request.get("incident") != null) {
            incident = json.valueToTree(request.get("incident"));
        } else if (request != null && request.get("incident_id") != null) {
            incident = fetch(request.get("incident_id").toString());
        } else {
            throw new IllegalArgumentException("send {\"incident\": {...}} or {\"incident_id\": \"<id or reference, e.g. INC-123>\"}");
        }
        String id = incident.path("id").asText("");
        if (id.isEmpty() || !incident.path("updated_at").isTextual()) {
            throw new IllegalArgumentException("the incident needs an id and an updated_at");
        }
        IncidentSnapshot snapshot = new IncidentSnapshot(id, OffsetDateTime.parse(incident.path("updated_at").asText()), incident);
        Map<String, String> fields;
        Map<String, String> inForce;
        try {
            inForce = new TreeMap<>(mapper.map(snapshot).fields());
            fields = draft == null ? inForce : new TreeMap<>(new IncidentMapper(draft, properties).map(snapshot).fields());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("incident", incident);
        answer.put("fields", fields);
        if (draft != null) {
            answer.put("in_force", inForce);
            answer.put("diff_in_force", diff(inForce, fields));
        }
        links.find(RecordLink.Kind.INCIDENT, id).flatMap(link -> serviceNow.get(link.table(), link.sysId())).ifPresent(record -> {
            Map<String, Map<String, String>> diff = diff(record.fields(), fields);
            answer.put("servicenow_number", record.number());
            answer.put("servicenow_record", new TreeMap<>(record.fields()));
            answer.put("diff", diff);
            answer.put("summary", diff.isEmpty() ? (draft == null ? "the templates in force" : "this draft") + " would change nothing on " + record.number()
                    : (draft == null ? "the templates in force" : "this draft") + " would change " + diff.size() + " field"
                    + (diff.size() == 1 ? "" : "s") + " on " + record.number() + ": " + String.join(", ", diff.keySet()));
        });
        return answer;
    }

    /** An incident by id, or by reference (INC-123), which incident.io finds by its number. */
    private JsonNode fetch(String idOrReference) {
        String key = idOrReference.strip();
        if (key.regionMatches(true, 0, "INC-", 0, 4)) {
            key = key.substring(4);
        }
        JsonNode incident = incidentIo.incident(key);
        if (incident.isMissingNode() || incident.isNull()) {
            throw new NotFound("incident.io has no incident " + idOrReference);
        }
        return incident;
    }

    private static Map<String, Map<String, String>> diff(Map<String, String> before, Map<String, String> fields) {
        Map<String, Map<String, String>> diff = new LinkedHashMap<>();
        fields.forEach((field, value) -> {
            String current = before.getOrDefault(field, "");
            if (!current.equals(value)) {
                diff.put(field, Map.of("current", current, "new", value));
            }
        });
        return diff;
    }
}
