package io.incidentbridge.emulator.incidentio;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * ULID-like ids, 26 Crockford base-32 characters with the time first ({@code 01FCNDV6P870EA6S7TK1DSYDG0},
 * reference b.3). Monotonic within one emulator, so ids sort in creation order, which is what the list
 * endpoints' {@code after} cursors rely on.
 */
final class Ulids {
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis = -1;
    private long randomHigh;
    private long randomLow;

    Ulids(Clock clock) {
        this.clock = clock;
    }

    synchronized String next() {
        long millis = Math.max(clock.millis(), lastMillis);
        if (millis == lastMillis) {
            randomLow = (randomLow + 1) & 0xFFFFFFFFFFL;
            if (randomLow == 0) {
                randomHigh = (randomHigh + 1) & 0xFFFFFFFFFFL;
            }
        } else {
            randomHigh = random.nextLong() & 0xFFFFFFFFFFL;
            randomLow = random.nextLong() & 0xFFFFFFFFFFL;
            lastMillis = millis;
        }
        char[] id = new char[26];
        encode(millis, id, 0, 10);
        encode(randomHigh, id, 10, 8);
        encode(randomLow, id, 18, 8);
        return new String(id);
    }

    private static void encode(long value, char[] into, int offset, int length) {
        long rest = value;
        for (int i = offset + length - 1; i >= offset; i--) {
            into[i] = CROCKFORD[(int) (rest & 31)];
            rest >>>= 5;
        }
    }
}
