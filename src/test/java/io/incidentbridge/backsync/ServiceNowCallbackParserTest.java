package io.incidentbridge.backsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.webhooks.WebhookRejected;
import io.incidentbridge.inbox.InboundEvent;
import io.incidentbridge.sync.RecordLink;
import io.incidentbridge.sync.RecordLinkRepository;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class ServiceNowCallbackParserTest {
    private static final String SYS_ID = "0123456789abcdef0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The record the bridge made for incident 01A; no other is linked. */
    private static final RecordLinkRepository LINKS = new RecordLinkRepository(new JdbcTemplate(), JSON) {
        @Override
        public Optional<RecordLink> findBySysId(String sysId) {
            return SYS_ID.equals(sysId) ? Optional.of(new RecordLink(RecordLink.Kind.INCIDENT, "01A", "INC-1", "01A", "incident",
                    SYS_ID, "INC0010001", Map.of(), OffsetDateTime.now(), OffsetDateTime.now(), false)) : Optional.empty();
        }
    };

    private final ServiceNowCallbackParser parser = new ServiceNowCallbackParser(JSON, LINKS);

    @Test
    void filesACallbackAboutALinkedRecordUnderItsIncidentAndIgnoresOthers() {
        Optional<InboundEvent> event = parse(callback());
        assertThat(event).get().extracting(InboundEvent::deliveryId, InboundEvent::incidentKey)
                .containsExactly(SYS_ID + ":4", "01A");
        assertThat(parse(callback().put("sys_id", "f".repeat(32)))).isEmpty();
    }

    @Test
    void refusesAModCountThatIsNotAWholeNumber() {
        for (String modCount : new String[] {"4^NQsys_id=x", "-1", "1e3", "4 ", "\u0664", "4\u0000", "99999999999999999999"}) {
            assertBadRequest(callback().put("sys_mod_count", modCount), "sys_mod_count must be a whole number");
        }
    }

    @Test
    void refusesValuesThatAreNotStringsAndJournalEntriesThatAreNotNotes() {
        ObjectNode numberValue = callback();
        values(numberValue).put("state", 6);
        ObjectNode nestedValue = callback();
        values(nestedValue).putArray("state").addArray().add("6");
        ObjectNode boolValue = callback();
        values(boolValue).put("state", true);
        assertBadRequest(numberValue, "values must be an object of strings");
        assertBadRequest(nestedValue, "values must be an object of strings");
        assertBadRequest(boolValue, "values must be an object of strings");

        ObjectNode entryNotObject = callback();
        entryNotObject.putArray("journal").add("a note");
        ObjectNode entryValueNotString = callback();
        entryValueNotString.putArray("journal").addObject().put("element", "work_notes").putObject("value");
        ObjectNode journalNotArray = callback();
        journalNotArray.putObject("journal");
        ObjectNode entryEmpty = callback();
        entryEmpty.putArray("journal").addObject();
        ObjectNode entryWithoutAuthor = callback();
        entryWithoutAuthor.putArray("journal").addObject().put("element", "work_notes").put("value", "Restarted")
                .put("sys_created_on", "2026-11-29 10:00:00");
        assertBadRequest(entryNotObject, "journal, if present, must be an array of entries with the strings (or nulls) element, "
                + "value, sys_created_on, sys_created_by");
        assertBadRequest(entryValueNotString, "journal");
        assertBadRequest(journalNotArray, "journal");
        assertBadRequest(entryEmpty, "journal");
        assertBadRequest(entryWithoutAuthor, "journal");
    }

    @Test
    void acceptsNullsWhereGlideRecordGetValueGivesThemForEmptyFields() {
        ObjectNode body = callback();
        values(body).putNull("close_code");
        ((ObjectNode) body.get("journal").get(0)).putNull("value");
        assertThat(parse(body)).isPresent();
    }

    private static ObjectNode callback() {
        ObjectNode body = JSON.createObjectNode().put("table", "incident").put("sys_id", SYS_ID).put("number", "INC0010001")
                .put("sys_updated_on", "2026-11-29 10:00:00").put("sys_updated_by", "beth.anglin").put("sys_mod_count", "4");
        body.putObject("values").put("state", "6").put("close_code", "");
        body.putArray("journal").addObject().put("element", "work_notes").put("value", "Restarted")
                .put("sys_created_on", "2026-11-29 10:00:00").put("sys_created_by", "beth.anglin");
        return body;
    }

    private static ObjectNode values(ObjectNode callback) {
        return (ObjectNode) callback.get("values");
    }

    private Optional<InboundEvent> parse(ObjectNode body) {
        return parser.parse(body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void assertBadRequest(ObjectNode body, String reason) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(WebhookRejected.class).hasMessageContaining(reason)
                .extracting(e -> ((WebhookRejected) e).status()).isEqualTo(400);
    }
}
