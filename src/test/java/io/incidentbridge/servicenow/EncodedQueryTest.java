package io.incidentbridge.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EncodedQueryTest {

    @Test
    void joinsTermsWithCaret() {
        assertThat(EncodedQuery.eq("correlation_id", "01ABC").andEq("correlation_display", "incident.io"))
                .hasToString("correlation_id=01ABC^correlation_display=incident.io");
    }

    @Test
    void doublesEveryCaretInValuesSoANewQueryCannotBeInjected() {
        assertThat(EncodedQuery.eq("name", "Payments^NQactive=true"))
                .hasToString("name=Payments^^NQactive=true");
        assertThat(EncodedQuery.eq("name", "a^ORb")).hasToString("name=a^^ORb");
    }

    @Test
    void refusesScriptValuesAndFieldNamesThatAreNotNames() {
        assertThatThrownBy(() -> EncodedQuery.eq("name", "javascript:gs.getUserID()")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EncodedQuery.eq("name^NQ", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tellsWhichValuesCanBeAskedFor() {
        assertThat(EncodedQuery.queryable("JavaScript:gs.getUserID()")).isFalse();
        assertThat(EncodedQuery.queryable("Night^Shift javascript:")).isTrue();
        assertThat(EncodedQuery.queryable(null)).isTrue();
    }

    @Test
    void ordersAndComparesWithEscapedValues() {
        assertThat(EncodedQuery.eq("active", "true").andGreaterOrEqual("sys_updated_on", "2026-01-01 00:00:00")
                .orderBy("sys_updated_on"))
                .hasToString("active=true^sys_updated_on>=2026-01-01 00:00:00^ORDERBYsys_updated_on");
    }
}
