package io.incidentbridge.backsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.incidentio.IncidentIoClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * ServiceNow's assignment in incident.io's terms, as edit entries: custom field values (a text field takes the text,
 * a select field the option with that value) and role holders (by email). A name that is in scope but has no value any
 * more is cleared. What incident.io cannot take (no such field, option, role or user, or clearing a required role) is
 * left out with a warning, so it never holds back the rest of the change.
 */
@Component
public class IncidentAssignment {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentAssignment.class);

    private final IncidentIoClient incidentIo;
    private final CustomFieldDirectory customFields;
    private final ObjectMapper json;

    public IncidentAssignment(IncidentIoClient incidentIo, CustomFieldDirectory customFields, ObjectMapper json) {
        this.incidentIo = incidentIo;
        this.customFields = customFields;
        this.json = json;
    }

    /** Entries that make the fields named in {@code scope} show {@code wanted} (name -> value; absent: cleared). */
    public List<ObjectNode> customFieldEntries(JsonNode incident, Set<String> scope, Map<String, String> wanted) {
        List<ObjectNode> entries = new ArrayList<>();
        for (String name : scope) {
            String value = wanted.get(name);
            if (Objects.equals(value, shown(incident, name))) {
                continue;
            }
            JsonNode field = field(incident, name);
            if (field == null) {
                LOG.warn("incident.io has no custom field named '{}': ServiceNow's assignment does not show there", name);
                continue;
            }
            ObjectNode entry = json.createObjectNode().put("custom_field_id", field.path("id").asText());
            entry.putArray("values");
            if (value == null || valueOf(field, value, entry)) {
                entries.add(entry);
            } else {
                LOG.warn("incident.io's custom field '{}' has no option '{}': ServiceNow's assignment does not show there", name, value);
            }
        }
        return entries;
    }

    /** Entries that give the roles named in {@code scope} (role type, name or shortform) the users {@code wanted} names by email. */
    public List<ObjectNode> roleAssignments(JsonNode incident, Set<String> scope, Map<String, String> wanted) {
        List<ObjectNode> assignments = new ArrayList<>();
        for (String role : scope) {
            String email = wanted.get(role);
            JsonNode assignment = assignment(incident, role);
            if (assignment == null) {
                LOG.warn("incident.io has no incident role '{}': ServiceNow's assignee does not show there", role);
                continue;
            }
            String holder = assignment.path("assignee").path("email").asText(null);
            if (email == null ? holder == null : email.equalsIgnoreCase(holder)) {
                continue;
            }
            ObjectNode entry = json.createObjectNode().put("incident_role_id", assignment.path("role").path("id").asText());
            if (email == null && assignment.path("role").path("required").asBoolean()) {
                LOG.warn("incident.io's role '{}' is required: it keeps its holder though ServiceNow has no assignee", role);
            } else if (email != null && !incidentIo.hasUser(email)) {
                LOG.warn("incident.io has no user {}: ServiceNow's assignee does not become the {}", email, role);
            } else {
                if (email != null) {
                    entry.putObject("assignee").put("email", email);
                }
                assignments.add(entry);
            }
        }
        return assignments;
    }

    /** The value the incident shows in the named custom field (first value, whatever its kind), or null. */
    public static String shown(JsonNode incident, String name) {
        for (JsonNode entry : incident.path("custom_field_entries")) {
            if (name.equals(entry.path("custom_field").path("name").asText())) {
                JsonNode value = entry.path("values").path(0);
                for (JsonNode shown : List.of(value.path("value_option").path("value"), value.path("value_catalog_entry").path("name"),
                        value.path("value_text"), value.path("value_link"), value.path("value_numeric"))) {
                    if (shown.isValueNode() && !shown.isNull()) {
                        return shown.asText();
                    }
                }
            }
        }
        return null;
    }

    private JsonNode field(JsonNode incident, String name) {
        return customFields.of(incident, name).orElse(null);
    }

    /** Puts the value in the shape the field's type takes; false when a select field has no such option. */
    private static boolean valueOf(JsonNode field, String value, ObjectNode entry) {
        String type = field.path("field_type").asText();
        if (type.endsWith("_select")) {
            for (JsonNode option : field.path("options")) {
                if (value.equals(option.path("value").asText())) {
                    entry.withArrayProperty("values").addObject().put("value_option_id", option.path("id").asText());
                    return true;
                }
            }
            return false;
        }
        String key = switch (type) {
            case "link" -> "value_link";
            case "numeric" -> "value_numeric";
            default -> "value_text";
        };
        entry.withArrayProperty("values").addObject().put(key, value);
        return true;
    }

    private static JsonNode assignment(JsonNode incident, String role) {
        for (JsonNode assignment : incident.path("incident_role_assignments")) {
            JsonNode definition = assignment.path("role");
            if (role.equals(definition.path("role_type").asText()) || role.equals(definition.path("name").asText())
                    || role.equals(definition.path("shortform").asText())) {
                return assignment;
            }
        }
        return null;
    }
}
