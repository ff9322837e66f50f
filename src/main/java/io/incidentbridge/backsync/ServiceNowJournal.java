package io.incidentbridge.backsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.servicenow.EncodedQuery;
import io.incidentbridge.servicenow.ServiceNowRecord;
import io.incidentbridge.servicenow.ServiceNowTableClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The work notes and comments of a record as ServiceNow holds them: read from {@code sys_journal_field} by the record's
 * sys_id ({@code element_id}), never taken from a callback's body, so a body that claims more than ServiceNow holds puts
 * no words in anyone's mouth. A callback or poll only says from when ({@code sys_updated_on}, or the poll's
 * {@code journal_since}); the entries and their authors come from ServiceNow.
 */
@Component
public class ServiceNowJournal {
    static final List<String> FIELDS = List.of("element", "value", "sys_created_on", "sys_created_by");
    private static final Set<String> ELEMENTS = Set.of("work_notes", "comments");
    private static final Pattern SERVICENOW_TIME = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}");
    /** At most this many entries per change are read (a page each of 50). */
    private static final int MAX_ENTRIES = 200;
    private static final int PAGE = 50;

    private final ServiceNowTableClient serviceNow;
    private final ObjectMapper json;

    public ServiceNowJournal(ServiceNowTableClient serviceNow, ObjectMapper json) {
        this.serviceNow = serviceNow;
        this.json = json;
    }

    /** Whether {@code time} is a ServiceNow date-time (yyyy-MM-dd HH:mm:ss, UTC) a query may use. */
    static boolean isTime(String time) {
        return time != null && SERVICENOW_TIME.matcher(time).matches();
    }

    /** The record's work notes and comments created at or after {@code since}, oldest first. */
    public List<JsonNode> since(String sysId, String since) {
        if (!isTime(since)) {
            return List.of();
        }
        EncodedQuery query = EncodedQuery.eq("element_id", sysId).andGreaterOrEqual("sys_created_on", since)
                .orderBy("sys_created_on");
        List<JsonNode> entries = new ArrayList<>();
        for (int offset = 0; offset < MAX_ENTRIES; offset += PAGE) {
            List<ServiceNowRecord> page = serviceNow.page("sys_journal_field", query, FIELDS, PAGE, offset);
            for (ServiceNowRecord entry : page) {
                if (ELEMENTS.contains(entry.fields().get("element"))) {
                    ObjectNode node = json.createObjectNode();
                    FIELDS.forEach(field -> node.put(field, entry.fields().getOrDefault(field, "")));
                    entries.add(node);
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        return entries;
    }
}
