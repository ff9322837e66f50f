package io.incidentbridge.backsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.webhooks.WebhookJson;
import io.incidentbridge.webhooks.WebhookRejected;
import io.incidentbridge.inbox.InboundEvent;
import io.incidentbridge.sync.RecordLinkRepository;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Body;
import org.springframework.stereotype.Component;

/**
 * Checks a callback's shape (docs/servicenow-callbacks.md) and files it under the incident its record is linked to,
 * so it is ordered with that incident's other events. A record the bridge did not make is accepted and ignored.
 */
@Component
public class ServiceNowCallbackParser {
    public static final String SOURCE = "servicenow";
    public static final String EVENT_TYPE = "servicenow.record_updated";
    private static final Set<String> TABLES = Set.of("incident", "task");
    /** What a work note or comment shows in incident.io: its kind, text, time and author. */
    private static final List<String> JOURNAL_FIELDS = List.of("element", "value", "sys_created_on", "sys_created_by");

    private final WebhookJson json;
    private final RecordLinkRepository links;

    public ServiceNowCallbackParser(ObjectMapper json, RecordLinkRepository links) {
        this.json = new WebhookJson(json);
        this.links = links;
    }

    public Optional<InboundEvent> parse(@Body byte[] body) {
        WebhookJson.Body read = json.read(body);
        JsonNode root = read.root();
        String table = text(root, "table");
        if (!TABLES.contains(table)) {
            throw new WebhookRejected(400, "table must be incident or task");
        }
        String sysId = text(root, "sys_id");
        if (!sysId.matches("[0-9a-f]{32}")) {
            throw new WebhookRejected(400, "sys_id must be 32 lowercase hex characters");
        }
        text(root, "sys_updated_on");
        text(root, "sys_updated_by");
        String modCount = text(root, "sys_mod_count");
        if (!modCount.matches("[0-9]{1,18}")) {
            throw new WebhookRejected(400, "sys_mod_count must be a whole number");
        }
        if (!objectOfStrings(root.get("values"))) {
            throw new WebhookRejected(400, "values must be an object of strings (or nulls)");
        }
        if (root.has("journal") && !journal(root.get("journal"))) {
            throw new WebhookRejected(400, "journal, if present, must be an array of entries with the strings (or nulls) "
                    + String.join(", ", JOURNAL_FIELDS));
        }
        return links.findBySysId(sysId).map(link -> new InboundEvent(SOURCE, sysId + ":" + modCount, EVENT_TYPE,
                link.incidentId(), read.text()));
    }

    /**
     * The business rule and the poller send every field as its stored string value; GlideRecord.getValue gives null
     * for an empty one, which the script's journal entries pass on as it is.
     */
    private static boolean objectOfStrings(JsonNode node) {
        if (node == null || !node.isObject()) {
            return false;
        }
        for (JsonNode value : node) {
            if (!value.isTextual() && !value.isNull()) {
                return false;
            }
        }
        return true;
    }

    private static boolean journal(JsonNode node) {
        if (!node.isArray()) {
            return false;
        }
        for (JsonNode entry : node) {
            if (!objectOfStrings(entry) || !JOURNAL_FIELDS.stream().allMatch(entry::has)) {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank() || value.asText().length() > 120) {
            throw new WebhookRejected(400, field + " is missing, not a string, or too long");
        }
        return value.asText();
    }
}
