package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.Json;
import java.util.Map;

/**
 * Applies the edit action's {@code custom_field_entries}: each names a field and gives its complete new values;
 * an empty {@code values} list unsets the field (reference b.4). The value key must suit the field's type. A select
 * field is given option ids and shows the options themselves ({@code value_option}), as CustomFieldEntryV2 does.
 */
final class CustomFieldEntries {
    private static final Map<String, String> VALUE_KEY = Map.of("text", "value_text", "link", "value_link",
            "numeric", "value_numeric", "single_select", "value_option_id", "multi_select", "value_option_id");
    private final Organisation organisation;

    CustomFieldEntries(Organisation organisation) {
        this.organisation = organisation;
    }

    void apply(ObjectNode incident, JsonNode payload) {
        if (!payload.isArray()) {
            throw ApiError.invalid("custom_field_entries", "custom_field_entries must be a list");
        }
        for (int i = 0; i < payload.size(); i++) {
            String where = "custom_field_entries[" + i + "]";
            JsonNode entry = payload.get(i);
            String fieldId = Json.text(entry, "custom_field_id");
            if (fieldId == null) {
                throw ApiError.required(where + ".custom_field_id");
            }
            ObjectNode field = organisation.customFields().stream().filter(f -> f.path("id").asText().equals(fieldId))
                    .findFirst().orElseThrow(() -> ApiError.invalid(where + ".custom_field_id", "no custom field " + fieldId));
            JsonNode values = entry.get("values");
            if (values == null || !values.isArray()) {
                throw ApiError.required(where + ".values");
            }
            entryFor(incident, field).set("values", values(field, values, where));
        }
    }

    private static ArrayNode values(ObjectNode field, JsonNode values, String where) {
        String type = field.path("field_type").asText();
        if (values.size() > 1 && !type.equals("multi_select")) {
            throw ApiError.invalid(where + ".values", "the " + type + " field '" + field.path("name").asText()
                    + "' takes one value");
        }
        String key = VALUE_KEY.get(type);
        ArrayNode stored = Json.MAPPER.createArrayNode();
        for (JsonNode value : values) {
            JsonNode given = value.get(key);
            if (given == null || !given.isTextual()) {
                throw ApiError.invalid(where + ".values", "the " + type + " field '" + field.path("name").asText()
                        + "' takes " + key);
            }
            if (key.equals("value_option_id")) {
                stored.addObject().set("value_option", option(field, given.asText(), where));
            } else {
                stored.addObject().put(key, given.asText());
            }
        }
        return stored;
    }

    private static JsonNode option(ObjectNode field, String optionId, String where) {
        for (JsonNode option : field.path("options")) {
            if (option.path("id").asText().equals(optionId)) {
                return option.deepCopy();
            }
        }
        throw ApiError.invalid(where + ".values", "the field '" + field.path("name").asText() + "' has no option " + optionId);
    }

    private static ObjectNode entryFor(ObjectNode incident, ObjectNode field) {
        ArrayNode entries = (ArrayNode) incident.path("custom_field_entries");
        for (JsonNode entry : entries) {
            if (entry.path("custom_field").path("id").asText().equals(field.path("id").asText())) {
                return (ObjectNode) entry;
            }
        }
        ObjectNode entry = entries.addObject();
        entry.set("custom_field", field.deepCopy().retain("id", "name", "description", "field_type", "options"));
        return entry;
    }
}
