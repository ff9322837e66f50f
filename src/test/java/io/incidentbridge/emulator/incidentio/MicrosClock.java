package io.incidentbridge.emulator.incidentio;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps as incident.io writes them, RFC 3339 with microseconds ({@code 2021-08-17T13:28:57.801578Z},
 * reference b.3). Each one is later than the one before, so every change gets a strictly later
 * {@code updated_at} even when two changes fall within the same microsecond.
 */
final class MicrosClock {
    private static final DateTimeFormatter RFC3339_MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private final Clock clock;
    private Instant last = Instant.EPOCH;

    MicrosClock(Clock clock) {
        this.clock = clock;
    }

    synchronized String next() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        last = now.isAfter(last) ? now : last.plus(1, ChronoUnit.MICROS);
        return format(last);
    }

    static String format(Instant instant) {
        return RFC3339_MICROS.format(instant);
    }
}
