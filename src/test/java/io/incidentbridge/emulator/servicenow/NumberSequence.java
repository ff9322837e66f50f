package io.incidentbridge.emulator.servicenow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Task numbers: prefix plus seven digits, and a fresh instance starts new records at 0010001
 * (INC0010001 is the first record created on a new PDI, reference §5.2 number row).
 */
final class NumberSequence {

    private static final int FIRST = 10001;

    private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();

    String next(String prefix) {
        int value = counters.computeIfAbsent(prefix, p -> new AtomicInteger(FIRST - 1)).incrementAndGet();
        return prefix + String.format("%07d", value);
    }
}
