package io.incidentbridge.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.schibsted.spt.data.jslt.Function;
import java.util.List;
import java.util.Optional;

/**
 * A JSLT function a template calls to turn a name or an email into a ServiceNow sys_id, e.g.
 * {@code servicenow-user(.creator.user.email)}, or, in the templates for changes coming back from ServiceNow, a
 * sys_id into an email or a name ({@code servicenow-user-email(.values.assigned_to)}). Not found gives the
 * configured default; an empty default gives null, which leaves the field out.
 */
public final class LookupFunction implements Function {
    private final String name;
    private final java.util.function.Function<String, Optional<String>> lookup;
    private final String fallback;

    private LookupFunction(String name, java.util.function.Function<String, Optional<String>> lookup, String fallback) {
        this.name = name;
        this.lookup = lookup;
        this.fallback = fallback;
    }

    public static List<Function> all(ReferenceLookups lookups, MissingReferences missing) {
        return List.of(
                new LookupFunction("servicenow-user", lookups::user, missing.user()),
                new LookupFunction("servicenow-group", lookups::group, missing.group()),
                new LookupFunction("servicenow-ci", lookups::configurationItem, missing.configurationItem()),
                new LookupFunction("servicenow-user-email", lookups::userEmail, ""),
                new LookupFunction("servicenow-group-name", lookups::groupName, ""));
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getMinArguments() {
        return 1;
    }

    @Override
    public int getMaxArguments() {
        return 1;
    }

    @Override
    public JsonNode call(JsonNode input, JsonNode[] arguments) {
        JsonNode key = arguments[0];
        if (key == null || key.isNull() || key.asText().isBlank()) {
            return orDefault(Optional.empty());
        }
        return orDefault(lookup.apply(key.asText()));
    }

    private JsonNode orDefault(Optional<String> found) {
        String value = found.orElse(fallback);
        return value == null || value.isEmpty() ? NullNode.instance : TextNode.valueOf(value);
    }

    /** What a lookup that finds nothing gives: a sys_id, or empty to leave the field unset. */
    public record MissingReferences(String user, String group, String configurationItem) {
    }
}
