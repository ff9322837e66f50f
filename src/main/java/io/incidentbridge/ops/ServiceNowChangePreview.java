package io.incidentbridge.ops;

import io.incidentbridge.errors.NotFound;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.mapping.IncidentSide;
import io.incidentbridge.mapping.ServiceNowChangeMapper;
import io.incidentbridge.servicenow.EncodedQuery;
import io.incidentbridge.servicenow.ServiceNowRecord;
import io.incidentbridge.servicenow.ServiceNowTableClient;
import io.incidentbridge.sync.OwnedField;
import io.incidentbridge.sync.RecordLink;
import io.incidentbridge.sync.RecordLinkRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The preview of the other direction: what servicenow-to-incident.jslt makes of a ServiceNow incident change, given
 * as {@code {"change": {...}}} (the callback body) or {@code {"sys_id": "..."}} (the record as ServiceNow holds it now),
 * and, for a record the bridge made, which fields would flow back because they differ from what the template makes
 * of the values last synced.
 */
@Component
public class ServiceNowChangePreview {
    private final ServiceNowChangeMapper changes;
    private final RecordLinkRepository links;
    private final ServiceNowTableClient serviceNow;
    private final ObjectMapper json;
    private final String incidentTable;

    public ServiceNowChangePreview(ServiceNowChangeMapper changes, RecordLinkRepository links, ServiceNowTableClient serviceNow,
                                   ObjectMapper json, BridgeProperties properties) {
        this.changes = changes;
        this.links = links;
        this.serviceNow = serviceNow;
        this.json = json;
        this.incidentTable = properties.servicenow().incidentTable();
    }

    public Map<String, Object> preview(Map<String, Object> request) {
        return preview(request, null);
    }

    /**
     * As {@link #preview(Map)}; with {@code draft} (a mapper over unsaved templates) the draft's incident.io side is the
     * answer, and {@code in_force} and {@code differs_from_in_force} say what the templates in force make of it.
     */
    public Map<String, Object> preview(Map<String, Object> request, ServiceNowChangeMapper draft) {
        JsonNode change;
        if (request.get("change") != null) {
            change = json.valueToTree(request.get("change"));
        } else if (request.get("sys_id") != null) {
            change = current(request.get("sys_id").toString());
        } else if (request.get("number") != null) {
            change = currentByNumber(request.get("number").toString());
        } else {
            throw new IllegalArgumentException("send {\"direction\": \"servicenow-to-incident\", \"change\": {...}} or {..., \"sys_id\": \"...\"}"
                    + " or {..., \"number\": \"INC...\"}");
        }
        ServiceNowChangeMapper mapper = draft == null ? changes : draft;
        IncidentSide side;
        IncidentSide inForce;
        try {
            side = mapper.incident(change);
            inForce = draft == null ? side : changes.incident(change);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("incident_io", side.fields());
        answer.put("change", change);
        if (draft != null) {
            answer.put("in_force", inForce.fields());
            answer.put("differs_from_in_force", differing(side, inForce));
        }
        Optional<RecordLink> link = links.findBySysId(change.path("sys_id").asText())
                .filter(l -> l.kind() == RecordLink.Kind.INCIDENT);
        link.ifPresent(l -> {
            answer.put("incident_id", l.incidentId());
            answer.put("differs_from_last_synced", differing(side, mapper.incident(l.table(), l.syncedFields())));
        });
        return answer;
    }

    private JsonNode currentByNumber(String number) {
        if (!EncodedQuery.queryable(number)) {
            throw new IllegalArgumentException("not a ServiceNow number: " + number);
        }
        ServiceNowRecord record = serviceNow.findOne(incidentTable, EncodedQuery.eq("number", number))
                .orElseThrow(() -> new NotFound("ServiceNow has no " + incidentTable + " record " + number));
        return change(incidentTable, record.sysId(), record);
    }

    private JsonNode current(String sysId) {
        String table = links.findBySysId(sysId).map(RecordLink::table).orElse(incidentTable);
        ServiceNowRecord record = serviceNow.get(table, sysId)
                .orElseThrow(() -> new NotFound("ServiceNow has no " + table + " record " + sysId));
        return change(table, sysId, record);
    }

    private JsonNode change(String table, String sysId, ServiceNowRecord record) {
        ObjectNode change = json.createObjectNode().put("table", table).put("sys_id", sysId).put("number", record.number())
                .put("sys_updated_on", record.fields().getOrDefault("sys_updated_on", ""))
                .put("sys_updated_by", record.fields().getOrDefault("sys_updated_by", ""));
        ObjectNode values = change.putObject("values");
        record.fields().forEach(values::put);
        change.putArray("journal");
        return change;
    }

    private static List<String> differing(IncidentSide side, IncidentSide synced) {
        List<String> fields = new ArrayList<>();
        for (OwnedField field : OwnedField.values()) {
            if (!side.field(field.templateKey()).equals(synced.field(field.templateKey()))) {
                fields.add(field.templateKey());
            }
        }
        return fields;
    }
}
