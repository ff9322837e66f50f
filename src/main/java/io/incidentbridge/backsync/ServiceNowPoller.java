package io.incidentbridge.backsync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.inbox.InboundEvent;
import io.incidentbridge.inbox.InboxRepository;
import io.incidentbridge.servicenow.EncodedQuery;
import io.incidentbridge.servicenow.ServiceNowRecord;
import io.incidentbridge.servicenow.ServiceNowTableClient;
import io.incidentbridge.sync.RecordLinkRepository;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where no callback business rule is installed: reads the bridge's incident and task records changed by someone other
 * than the integration user since the watermark (minus an overlap), page by page, and stores each change in the inbox
 * as a callback would arrive, with {@code journal_since} (the start of the poll's window) in place of journal entries: the
 * entries are read from ServiceNow when the change is applied (ServiceNowJournal). The delivery id is sys_id:sys_mod_count, so a change seen twice (overlap, or
 * a callback as well) is stored once.
 */
@Component
public class ServiceNowPoller {
    private static final DateTimeFormatter SERVICENOW_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> TABLES = List.of("incident", "task");

    private final ServiceNowTableClient serviceNow;
    private final RecordLinkRepository links;
    private final InboxRepository inbox;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final BridgeProperties.BackSync settings;
    private final String integrationUser;
    private final String correlationDisplay;

    public ServiceNowPoller(ServiceNowTableClient serviceNow, RecordLinkRepository links, InboxRepository inbox,
                            JdbcTemplate jdbc, ObjectMapper json, BridgeProperties properties) {
        this.serviceNow = serviceNow;
        this.links = links;
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.json = json;
        this.settings = properties.backSync();
        this.integrationUser = properties.servicenow().username();
        this.correlationDisplay = properties.servicenow().correlationDisplay();
    }

    /** One poll of every table; returns how many changes were new to the inbox. */
    public int poll() {
        int stored = 0;
        for (String table : TABLES) {
            stored += poll(table);
        }
        return stored;
    }

    private int poll(String table) {
        String watermark = jdbc.queryForList("SELECT watermark FROM servicenow_poll_state WHERE source_table = ?", String.class, table)
                .stream().findFirst().orElse("1970-01-01 00:00:00");
        String from = LocalDateTime.parse(watermark, SERVICENOW_TIME).minus(settings.pollOverlap()).format(SERVICENOW_TIME);
        EncodedQuery query = EncodedQuery.eq("correlation_display", correlationDisplay)
                .andEq("sys_class_name", table)
                .andNotEqual("sys_updated_by", integrationUser)
                .andGreaterOrEqual("sys_updated_on", from)
                .orderBy("sys_updated_on").orderBy("sys_id");
        int stored = 0;
        String newest = watermark;
        for (int offset = 0; ; offset += settings.pollPageSize()) {
            List<ServiceNowRecord> page = serviceNow.page(table, query, List.of(), settings.pollPageSize(), offset);
            for (ServiceNowRecord record : page) {
                stored += store(table, record, from);
                String updated = record.fields().getOrDefault("sys_updated_on", "");
                newest = updated.compareTo(newest) > 0 ? updated : newest;
            }
            advance(table, newest);
            if (page.size() < settings.pollPageSize()) {
                return stored;
            }
        }
    }

    private int store(String table, ServiceNowRecord record, String since) {
        var link = links.findBySysId(record.sysId());
        if (link.isEmpty()) {
            return 0;
        }
        ObjectNode payload = json.createObjectNode().put("table", table).put("sys_id", record.sysId())
                .put("number", record.number())
                .put("sys_updated_on", record.fields().getOrDefault("sys_updated_on", ""))
                .put("sys_updated_by", record.fields().getOrDefault("sys_updated_by", ""))
                .put("sys_mod_count", record.fields().getOrDefault("sys_mod_count", "0"))
                // From when the bridge reads the record's journal back (ServiceNowJournal): the start of this poll's window.
                .put("journal_since", since);
        ObjectNode values = payload.putObject("values");
        record.fields().forEach(values::put);
        return inbox.store(new InboundEvent(ServiceNowCallbackParser.SOURCE,
                record.sysId() + ":" + record.fields().getOrDefault("sys_mod_count", "0"),
                ServiceNowCallbackParser.EVENT_TYPE, link.get().incidentId(), payload.toString())) == io.incidentbridge.inbox.StoreResult.STORED ? 1 : 0;
    }

    private void advance(String table, String watermark) {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        if (jdbc.update("UPDATE servicenow_poll_state SET watermark = ?, polled_at = ? WHERE source_table = ?", watermark, now, table) == 0) {
            jdbc.update("INSERT INTO servicenow_poll_state (watermark, polled_at, source_table) VALUES (?, ?, ?)", watermark, now, table);
        }
    }
}
