package io.incidentbridge.emulator.servicenow;

import java.util.regex.Pattern;

/**
 * How two stored values of a field compare: integer fields (impact, state, sys_mod_count, ...) numerically,
 * everything else as strings, which orders UTC {@code YYYY-MM-DD HH:MM:SS} date-times correctly (§2, §1.9).
 */
final class ValueOrder {

    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

    private ValueOrder() {
    }

    /** Total order for ORDERBY; empty values sort first, as NULLs do in ascending database order. */
    static int compare(Field field, String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(!a.isEmpty(), !b.isEmpty());
        }
        if (field.isNumeric() && isInteger(a) && isInteger(b)) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return a.compareTo(b);
    }

    /** Whether {@code actual} can be compared with {@code operand} at all: an empty (NULL) value never matches. */
    static boolean comparable(Field field, String actual, String operand) {
        return !actual.isEmpty() && (!field.isNumeric() || (isInteger(actual) && isInteger(operand)));
    }

    static boolean isInteger(String value) {
        return INTEGER.matcher(value).matches();
    }
}
