package io.incidentbridge.emulator.servicenow;

import java.time.Duration;

/**
 * What the fault switches decided for one API request: how long to hold it, and whether to answer with an
 * injected status (0 = no) instead of handling it.
 */
record FaultPlan(Duration delay, int status, int retryAfterSeconds, boolean htmlBody) {

    boolean injectsStatus() {
        return status > 0;
    }
}
