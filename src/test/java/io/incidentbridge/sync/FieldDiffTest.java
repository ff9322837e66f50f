package io.incidentbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldDiffTest {

    @Test
    void keepsOnlyFieldsWhoseValueChanged() {
        Map<String, String> desired = Map.of("state", "6", "short_description", "Checkout down", "impact", "1");
        Map<String, String> known = Map.of("state", "2", "short_description", "Checkout down", "impact", "1");
        assertThat(FieldDiff.changed(desired, known)).containsExactly(Map.entry("state", "6"));
    }

    @Test
    void treatsAMissingKnownFieldAsEmpty() {
        assertThat(FieldDiff.changed(Map.of("hold_reason", ""), Map.of())).isEmpty();
        assertThat(FieldDiff.changed(Map.of("close_code", "Solution provided"), Map.of()))
                .containsExactly(Map.entry("close_code", "Solution provided"));
    }
}
