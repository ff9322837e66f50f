package io.incidentbridge.emulator.servicenow;

import static io.incidentbridge.emulator.servicenow.EmulatorClient.encode;
import static io.incidentbridge.emulator.servicenow.EmulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Given three incidents plus one whose description contains a caret (that one keeps the defaults: impact 3,
 * urgency 3, no caller), each operator and joint of the encoded-query language selects what ServiceNow would.
 */
class ServiceNowEmulatorQueryTest extends EmulatorTestBase {

    private static final String EMAIL = "Email server down";
    private static final String VPN = "VPN flaky";
    private static final String DISK = "Disk full on db";
    private static final String CARET = "a^NQb";

    @BeforeEach
    void start() {
        emulator.insert("incident", Map.of("short_description", EMAIL, "impact", "1", "urgency", "1",
                "caller_id", SeedData.ABEL_TUTER_SYS_ID, "sys_mod_count", "2", "reassignment_count", "9",
                "sys_updated_on", "2024-01-15 09:59:59", "category", "software"));
        emulator.insert("incident", Map.of("short_description", VPN, "impact", "2", "urgency", "3",
                "caller_id", SeedData.BETH_ANGLIN_SYS_ID, "sys_mod_count", "10", "reassignment_count", "10",
                "sys_updated_on", "2024-01-15 10:00:00", "category", "network"));
        emulator.insert("incident", Map.of("short_description", DISK, "impact", "3", "urgency", "1",
                "sys_updated_on", "2024-01-15 10:00:01", "description", "db01 at 100%"));
        emulator.insert("incident", Map.of("short_description", CARET, "sys_updated_on", "2023-12-31 23:59:59"));
    }

    @Test
    void equalsAndNotEquals() {
        assertThat(query("impact=1")).containsExactly(EMAIL);
        assertThat(query("impact!=1")).containsExactly(VPN, DISK, CARET);
        assertThat(query("short_description=email server down")).isEmpty();
    }

    @Test
    void caretIsAnd() {
        assertThat(query("urgency=1^impact=3")).containsExactly(DISK);
    }

    @Test
    void orBindsOnlyItsNeighbours() {
        assertThat(query("impact=1^ORimpact=2")).containsExactly(EMAIL, VPN);
        assertThat(query("urgency=1^impact=2^ORimpact=3")).containsExactly(DISK);
        assertThat(query("impact=2^ORurgency=1^category=software")).containsExactly(EMAIL);
    }

    @Test
    void newQueryOrsWholeGroups() {
        assertThat(query("impact=1^urgency=3^NQimpact=2^urgency=3")).containsExactly(VPN);
        assertThat(query("impact=1^urgency=1^NQcategory=network")).containsExactly(EMAIL, VPN);
    }

    @Test
    void doubleCaretIsALiteralCaretInAValue() {
        assertThat(query("short_description=a^^NQb")).containsExactly(CARET);
    }

    @Test
    void anUnescapedNewQueryInAValueWidensTheQuery() {
        String injected = "short_description=nothing^NQsys_idISNOTEMPTY";
        String escaped = "short_description=nothing^^NQsys_idISNOTEMPTY";

        assertThat(query(injected)).containsExactly(EMAIL, VPN, DISK, CARET);
        assertThat(query(escaped)).isEmpty();
    }

    @Test
    void inAndNotIn() {
        assertThat(query("impactIN1,3")).containsExactly(EMAIL, DISK, CARET);
        assertThat(query("impactNOT IN1,3")).containsExactly(VPN);
    }

    @Test
    void textOperatorsIgnoreCase() {
        assertThat(query("short_descriptionLIKEserver")).containsExactly(EMAIL);
        assertThat(query("short_descriptionLIKEVPN")).containsExactly(VPN);
        assertThat(query("short_descriptionNOT LIKEd")).containsExactly(VPN, CARET);
        assertThat(query("short_descriptionSTARTSWITHdisk")).containsExactly(DISK);
        assertThat(query("short_descriptionENDSWITHFlaky")).containsExactly(VPN);
    }

    @Test
    void emptinessOperators() {
        assertThat(query("descriptionISNOTEMPTY")).containsExactly(DISK);
        assertThat(query("caller_idISEMPTY")).containsExactly(DISK, CARET);
        assertThat(query("caller_idANYTHING")).containsExactly(EMAIL, VPN, DISK, CARET);
    }

    @Test
    void integerFieldsCompareNumerically() {
        assertThat(query("sys_mod_count>2")).containsExactly(VPN);
        assertThat(query("sys_mod_count>=2")).containsExactly(EMAIL, VPN);
        assertThat(query("reassignment_count<10")).containsExactly(EMAIL, DISK, CARET);
        assertThat(query("reassignment_count>9")).containsExactly(VPN);
        assertThat(query("impact<2")).containsExactly(EMAIL);
    }

    @Test
    void dateTimesCompareAsUtcStrings() {
        assertThat(query("sys_updated_on>2024-01-15 10:00:00")).containsExactly(DISK);
        assertThat(query("sys_updated_on>=2024-01-15 10:00:00")).containsExactly(VPN, DISK);
        assertThat(query("sys_updated_on<2024-01-15 10:00:00")).containsExactly(EMAIL, CARET);
        assertThat(query("sys_updated_on<=2024-01-15 10:00:00")).containsExactly(EMAIL, VPN, CARET);
        assertThat(query("sys_updated_onBETWEEN2024-01-01 00:00:00@2024-01-15 10:00:00"))
                .containsExactly(EMAIL, VPN);
    }

    @Test
    void aConditionOnAnUnknownFieldIsIgnoredSoMoreRowsMatch() {
        assertThat(query("no_such_field=1^impact=1")).containsExactly(EMAIL);
        assertThat(query("no_such_field=1")).containsExactly(EMAIL, VPN, DISK, CARET);
        assertThat(query("Impact=1")).containsExactly(EMAIL, VPN, DISK, CARET);
    }

    @Test
    void anUnsupportedOperatorIsDroppedLikeAnyInvalidTerm() {
        assertThat(query("impact=1^sys_class_nameINSTANCEOFtask")).containsExactly(EMAIL);
    }

    @Test
    void orderByAscendingAndDescending() {
        assertThat(query("ORDERBYshort_description")).containsExactly(DISK, EMAIL, VPN, CARET);
        assertThat(query("ORDERBYDESCsys_mod_count")).containsExactly(VPN, EMAIL, DISK, CARET);
        assertThat(query("impact!=1^ORDERBYDESCimpact^ORDERBYshort_description")).containsExactly(DISK, CARET, VPN);
        assertThat(query("ORDERBYcaller_id")).containsExactly(DISK, CARET, EMAIL, VPN);
    }

    @Test
    void dotWalkedConditions() {
        assertThat(query("caller_id.email=beth.anglin@example.com")).containsExactly(VPN);
        assertThat(query("caller_id.user_nameSTARTSWITHabel")).containsExactly(EMAIL);
    }

    @Test
    void referenceEqualsComparesSysIdsButLikeComparesDisplayValues() {
        assertThat(query("caller_id=" + SeedData.ABEL_TUTER_SYS_ID)).containsExactly(EMAIL);
        assertThat(query("caller_id=Abel Tuter")).isEmpty();
        assertThat(query("caller_idLIKEtuter")).containsExactly(EMAIL);
    }

    @Test
    void nameValueParametersFilterAndAcceptDisplayValues() {
        assertThat(list("impact=2")).containsExactly(VPN);
        assertThat(list("caller_id=" + encode("Abel Tuter"))).containsExactly(EMAIL);
        assertThat(list("category=Network")).containsExactly(VPN);
        assertThat(list("query=" + encode("impact=1"))).containsExactly(EMAIL, VPN, DISK, CARET);
    }

    @Test
    void javaApiRunsTheSameQueries() {
        assertThat(emulator.find("incident", "impact=1^ORimpact=3^ORDERBYDESCimpact"))
                .extracting(r -> r.get("short_description")).containsExactly(DISK, CARET, EMAIL);
    }

    private List<String> query(String encodedQuery) {
        return list("sysparm_query=" + encode(encodedQuery));
    }

    private List<String> list(String queryString) {
        JsonNode result = json(client.get("/api/now/table/incident?sysparm_fields=short_description&"
                + queryString)).get("result");
        List<String> descriptions = new ArrayList<>();
        result.forEach(r -> descriptions.add(r.get("short_description").asText()));
        return descriptions;
    }
}
