package io.incidentbridge.backsync;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The message ids of signed ServiceNow callbacks, in the shared database so that every replica knows them: a callback
 * is taken once, and a copy sent again within the signature's time window is a replay. Ids older than the window are
 * removed by the retention clean-up (a copy that old fails the time check anyway).
 */
@Component
public class CallbackMessages {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CallbackMessages(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True the first time {@code messageId} is seen; false for a replay. */
    public boolean firstTime(String messageId) {
        try {
            return jdbc.update("INSERT INTO servicenow_callback_message (message_id, received_at) VALUES (?, ?)", messageId,
                    OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)) == 1;
        } catch (DuplicateKeyException replay) {
            return false;
        }
    }
}
