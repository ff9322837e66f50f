package io.incidentbridge.emulator.servicenow;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The value lists of IN conditions, split once per query rather than once per row: a query over a large table with
 * a 250-value list would otherwise split the list for every row it looks at.
 */
final class InLists {
    private static final int KEPT = 64;
    private static final Map<String, Set<String>> LISTS = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
            return size() > KEPT;
        }
    });

    private InLists() {
    }

    static Set<String> of(String operand) {
        return LISTS.computeIfAbsent(operand, list -> Set.copyOf(Arrays.asList(list.split(",", -1))));
    }
}
