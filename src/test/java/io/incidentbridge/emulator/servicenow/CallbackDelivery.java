package io.incidentbridge.emulator.servicenow;

import java.time.Instant;

/**
 * One callback the rule sent: for which record and update, the exact body, and what the receiver answered
 * ({@code status} 0 when no answer came: refused connection or the script's 15 second wait ran out).
 */
public record CallbackDelivery(Instant sentAt, String table, String sysId, String modCount, String updatedBy,
                               String body, int status, String answer) {

    public boolean accepted() {
        return status >= 200 && status < 300;
    }
}
