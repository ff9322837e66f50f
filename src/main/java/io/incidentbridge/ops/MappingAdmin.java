package io.incidentbridge.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.incidentio.IncidentIoClient;
import io.incidentbridge.mapping.IncidentMapper;
import io.incidentbridge.mapping.MappingFailure;
import io.incidentbridge.mapping.MappingTemplates;
import io.incidentbridge.servicenow.ServiceNowRecord;
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

    public MappingAdmin(MappingTemplates templates, IncidentMapper mapper, IncidentIoClient incidentIo,
                        RecordLinkRepository links, ServiceNowTableClient serviceNow, ObjectMapper json,
                        ServiceNowChangePreview serviceNowChanges) {
        this.serviceNowChanges = serviceNowChanges;
        this.templates = templates;
        this.mapper = mapper;
        this.incidentIo = incidentIo;
        this.links = links;
        this.serviceNow = serviceNow;
        this.json = json;
    }

    public Map<String, Object> validate() {
        try {
            templates.validate();
            return Map.of("valid", true);
        } catch (MappingFailure e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public Map<String, Object> reload() {
        try {
            templates.reload();
            return Map.of("reloaded", true);
        } catch (MappingFailure e) {
            throw new IllegalArgumentException(e.getMessage() + " (the previous templates stay in force)", e);
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
        if (direction.equals(SERVICENOW_TO_INCIDENT)) {
            return serviceNowChanges.preview(request);
        }
        if (!direction.equals(INCIDENT_TO_SERVICENOW)) {
            throw new IllegalArgumentException("direction must be " + INCIDENT_TO_SERVICENOW + " (the default) or " + SERVICENOW_TO_INCIDENT);
        }
        JsonNode incident;
        if (request != null && request.get("incident") != null) {
            incident = json.valueToTree(request.get("incident"));
        } else if (request != null && request.get("incident_id") != null) {
            incident = incidentIo.incident(request.get("incident_id").toString());
        } else {
            throw new IllegalArgumentException("send {\"incident\": {...}} or {\"incident_id\": \"...\"}");
        }
        String id = incident.path("id").asText("");
        if (id.isEmpty() || !incident.path("updated_at").isTextual()) {
            throw new IllegalArgumentException("the incident needs an id and an updated_at");
        }
        Map<String, String> fields;
        try {
            fields = mapper.map(new IncidentSnapshot(id, OffsetDateTime.parse(incident.path("updated_at").asText()), incident)).fields();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("fields", fields);
        links.find(RecordLink.Kind.INCIDENT, id).flatMap(link -> serviceNow.get(link.table(), link.sysId())).ifPresent(record -> {
            answer.put("servicenow_number", record.number());
            answer.put("diff", diff(fields, record));
        });
        return answer;
    }

    private static Map<String, Map<String, String>> diff(Map<String, String> fields, ServiceNowRecord record) {
        Map<String, Map<String, String>> diff = new LinkedHashMap<>();
        fields.forEach((field, value) -> {
            String current = record.fields().getOrDefault(field, "");
            if (!current.equals(value)) {
                diff.put(field, Map.of("current", current, "new", value));
            }
        });
        return diff;
    }
}
