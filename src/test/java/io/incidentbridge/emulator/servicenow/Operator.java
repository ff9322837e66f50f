package io.incidentbridge.emulator.servicenow;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Encoded-query operators (reference §2, r_OpAvailableFiltersQueries.md). Text matches (LIKE, STARTSWITH,
 * ENDSWITH) use a reference field's display value and ignore case, as list "contains" filters do;
 * =, != and IN compare the stored value exactly ("values are case-sensitive", c_TableAPI.md).
 */
enum Operator {
    EQUALS("=") {
        boolean test(Field f, String actual, String operand, Supplier<String> display) {
            return actual.equals(operand);
        }
    },
    NOT_EQUALS("!=") {
        boolean test(Field f, String actual, String operand, Supplier<String> display) {
            return !actual.equals(operand);
        }
    },
    LIKE("LIKE", "*") {
        boolean test(Field f, String actual, String operand, Supplier<String> display) {
            return text(f, actual, display).contains(lower(operand));
        }
    },
    NOT_LIKE("NOT LIKE", "!*") {
        boolean test(Field f, String actual, String operand, Supplier<String> display) {
            return !text(f, actual, display).contains(lower(operand));
        }
    },
    STARTSWITH("STARTSWITH") {
        boolean test(Field f, String actual, String operand, Supplier<String> display) {
            return text(f, actual, display).startsWith(lower(operand));
        }
    },
    ENDSWITH("ENDSWITH", "%") {
        boolean test(Field f, String actual, String operand, Supplier<String> display) {
            return text(f, actual, display).endsWith(lower(operand));
        }
    },
    IN("IN") {
        boolean test(Field f, String actual, String operand, Supplier<String> display) {
            return InLists.of(operand).contains(actual);
        }
    },
    NOT_IN("NOT IN") {
        boolean test(Field f, String actual, String operand, Supplier<String> display) {
            return !InLists.of(operand).contains(actual);
        }
    },
    ISEMPTY("ISEMPTY", "EMPTYSTRING") {
        boolean test(Field f, String actual, String operand, Supplier<String> display) {
            return actual.isEmpty();
        }
    },
    ISNOTEMPTY("ISNOTEMPTY") {
        boolean test(Field f, String actual, String operand, Supplier<String> display) {
            return !actual.isEmpty();
        }
    },
    ANYTHING("ANYTHING") {
        boolean test(Field f, String actual, String operand, Supplier<String> display) {
            return true;
        }
    },
    GREATER(">") {
        boolean test(Field f, String actual, String operand, Supplier<String> display) {
            return ValueOrder.comparable(f, actual, operand) && ValueOrder.compare(f, actual, operand) > 0;
        }
    },
    GREATER_OR_EQUAL(">=") {
        boolean test(Field f, String actual, String operand, Supplier<String> display) {
            return ValueOrder.comparable(f, actual, operand) && ValueOrder.compare(f, actual, operand) >= 0;
        }
    },
    LESS("<") {
        boolean test(Field f, String actual, String operand, Supplier<String> display) {
            return ValueOrder.comparable(f, actual, operand) && ValueOrder.compare(f, actual, operand) < 0;
        }
    },
    LESS_OR_EQUAL("<=") {
        boolean test(Field f, String actual, String operand, Supplier<String> display) {
            return ValueOrder.comparable(f, actual, operand) && ValueOrder.compare(f, actual, operand) <= 0;
        }
    },
    /** {@code a@b}, inclusive at both ends. */
    BETWEEN("BETWEEN") {
        boolean test(Field f, String actual, String operand, Supplier<String> display) {
            String[] bounds = operand.split("@", 2);
            return bounds.length == 2 && GREATER_OR_EQUAL.test(f, actual, bounds[0], display)
                    && LESS_OR_EQUAL.test(f, actual, bounds[1], display);
        }
    };

    /** An operator found at the start of the text after a field name, and the value that follows it. */
    record Match(Operator operator, String operand) {
    }

    private final List<String> tokens;

    Operator(String... tokens) {
        this.tokens = List.of(tokens);
    }

    abstract boolean test(Field field, String actual, String operand, Supplier<String> display);

    /**
     * Operators the emulator does not implement but whose names start with one it does; they must not be
     * read as IN. Like any unparsable term they are then dropped from the query.
     */
    private static final List<String> UNSUPPORTED = List.of("INSTANCEOF", "IN_HIERARCHY");

    /** Longest token wins, so "!=" is not read as "!" and "NOT LIKE" not as "NOT IN"'s prefix. */
    static Optional<Match> match(String afterField) {
        if (UNSUPPORTED.stream().anyMatch(afterField::startsWith)) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .flatMap(op -> op.tokens.stream().map(token -> new Match(op, token)))
                .filter(m -> afterField.startsWith(m.operand()))
                .max(Comparator.comparingInt(m -> m.operand().length()))
                .map(m -> new Match(m.operator(), afterField.substring(m.operand().length())));
    }

    private static String text(Field field, String actual, Supplier<String> display) {
        return lower(field.isReference() ? display.get() : actual);
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
