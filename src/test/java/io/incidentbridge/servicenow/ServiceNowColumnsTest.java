package io.incidentbridge.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Column lengths learnt from ServiceNow's answers to writes, and values cut as ServiceNow keeps them. */
class ServiceNowColumnsTest {
    private static final String LONG = "Payments gateway times out for EU card authorisations";
    private final ServiceNowColumns columns = new ServiceNowColumns();

    @Test
    void aValueStoredAsAStrictPrefixOfTheOneSentGivesTheColumnsLength() {
        columns.learn("incident", Map.of("short_description", LONG, "state", "2"),
                stored(Map.of("short_description", LONG.substring(0, 20), "state", "2")));

        assertThat(columns.length("incident", "short_description")).contains(20);
        assertThat(columns.length("incident", "state")).isEmpty();
        assertThat(columns.kept("incident", Map.of("short_description", LONG, "state", "3")))
                .containsEntry("short_description", LONG.substring(0, 20)).containsEntry("state", "3");
    }

    @Test
    void lengthsArePerTableAndField() {
        columns.learn("incident", Map.of("u_title", LONG), stored(Map.of("u_title", LONG.substring(0, 8))));

        assertThat(columns.kept("incident", Map.of("u_title", LONG))).containsEntry("u_title", LONG.substring(0, 8));
        assertThat(columns.kept("sc_task", Map.of("u_title", LONG))).containsEntry("u_title", LONG);
        assertThat(columns.kept("incident", Map.of("u_other", LONG))).containsEntry("u_other", LONG);
    }

    @Test
    void aValueThatFitsIsKeptWhole() {
        columns.learn("incident", Map.of("short_description", LONG), stored(Map.of("short_description", LONG.substring(0, 10))));

        assertThat(columns.kept("incident", Map.of("short_description", "Short"))).containsEntry("short_description", "Short");
        assertThat(columns.kept("incident", Map.of("short_description", LONG.substring(0, 10))))
                .containsEntry("short_description", LONG.substring(0, 10));
    }

    @Test
    void lengthsCountCharactersAndNeverSplitOne() {
        String rockets = "\ud83d\ude80\ud83d\ude80\ud83d\ude80\ud83d\ude80";
        columns.learn("incident", Map.of("short_description", rockets), stored(Map.of("short_description", "\ud83d\ude80\ud83d\ude80")));

        assertThat(columns.length("incident", "short_description")).contains(2);
        assertThat(columns.kept("incident", Map.of("short_description", "a" + rockets)))
                .containsEntry("short_description", "a\ud83d\ude80");
    }

    @Test
    void otherAnswersTeachNothing() {
        // A journal field reads back empty; a business rule may set another value; a field may not be returned.
        columns.learn("incident", Map.of("work_notes", "Rolled back", "short_description", "Checkout fails", "impact", "2"),
                stored(Map.of("work_notes", "", "short_description", "Incident raised by monitoring")));

        assertThat(columns.length("incident", "work_notes")).isEmpty();
        assertThat(columns.length("incident", "short_description")).isEmpty();
        assertThat(columns.length("incident", "impact")).isEmpty();
        Map<String, String> fields = Map.of("work_notes", "Rolled back", "short_description", LONG);
        assertThat(columns.kept("incident", fields)).isEqualTo(fields);
    }

    @Test
    void aLongerValueKeptWholeShowsTheCutWasNotTheColumns() {
        columns.learn("incident", Map.of("short_description", LONG), stored(Map.of("short_description", LONG.substring(0, 10))));
        columns.learn("incident", Map.of("short_description", LONG.substring(0, 10)), stored(Map.of("short_description", LONG.substring(0, 10))));
        assertThat(columns.length("incident", "short_description")).contains(10);

        columns.learn("incident", Map.of("short_description", LONG.substring(0, 30)), stored(Map.of("short_description", LONG.substring(0, 30))));

        assertThat(columns.length("incident", "short_description")).isEmpty();
        assertThat(columns.kept("incident", Map.of("short_description", LONG))).containsEntry("short_description", LONG);
    }

    @Test
    void keptLeavesTheOrderAndEveryFieldInPlace() {
        columns.learn("incident", Map.of("short_description", LONG), stored(Map.of("short_description", LONG.substring(0, 10))));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("state", "2");
        fields.put("short_description", LONG);
        fields.put("description", LONG);

        assertThat(columns.kept("incident", fields).keySet()).containsExactly("state", "short_description", "description");
        assertThat(columns.kept("incident", fields)).containsEntry("description", LONG);
    }

    private static ServiceNowRecord stored(Map<String, String> fields) {
        return new ServiceNowRecord("incident", fields);
    }
}
