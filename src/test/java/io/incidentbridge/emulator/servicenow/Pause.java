package io.incidentbridge.emulator.servicenow;

import java.time.Duration;

/** Holds a request thread for injected latency or a hang. */
final class Pause {

    private Pause() {
    }

    /** Interrupted only when the emulator shuts down; the held request is then answered 503. */
    static void hold(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorResponses.injected(503, false));
        }
    }
}
