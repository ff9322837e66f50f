package io.incidentbridge.emulator.servicenow;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * ServiceNow date-times: stored and returned in UTC as {@code YYYY-MM-DD HH:MM:SS}, shown in the
 * viewer's time zone only as display values (reference §1.1, §1.9, §5.3).
 */
final class GlideDateTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

    private GlideDateTime() {
    }

    static String utc(Instant instant) {
        return FORMAT.format(instant.atZone(ZoneOffset.UTC));
    }

    /**
     * A stored UTC value as the viewer sees it. A write may have stored text that is no date-time at all
     * (the emulator does not validate input); such text is shown as stored.
     */
    static String inZone(String utcValue, ZoneId zone) {
        if (!SHAPE.matcher(utcValue).matches()) {
            return utcValue;
        }
        LocalDateTime stored = LocalDateTime.parse(utcValue, FORMAT);
        return FORMAT.format(stored.atZone(ZoneOffset.UTC).withZoneSameInstant(zone));
    }
}
