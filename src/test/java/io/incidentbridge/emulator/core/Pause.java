package io.incidentbridge.emulator.core;

import java.time.Duration;

/** Holds a request thread for injected latency or a hang. */
public final class Pause {
    private Pause() {
    }

    /**
     * Sleeps for {@code duration}; false when the wait was interrupted (as when the emulator shuts down), with the
     * interrupt kept for the server thread.
     */
    public static boolean hold(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return true;
        }
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
