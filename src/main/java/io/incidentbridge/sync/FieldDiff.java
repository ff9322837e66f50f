package io.incidentbridge.sync;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The fields of {@code desired} whose value differs from {@code known}: what a PATCH needs to carry. */
public final class FieldDiff {
    private FieldDiff() {
    }

    public static Map<String, String> changed(Map<String, String> desired, Map<String, String> known) {
        Map<String, String> changed = new LinkedHashMap<>();
        desired.forEach((field, value) -> {
            if (!Objects.equals(value, known.getOrDefault(field, ""))) {
                changed.put(field, value);
            }
        });
        return changed;
    }
}
