package io.incidentbridge.servicenow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * The lengths of ServiceNow's columns, as ServiceNow's answers to writes show them. ServiceNow does not enforce a
 * string field's max_length itself, but the database column behind a field of up to 255 characters is
 * varchar(max_length) and cuts a longer value without a word (KB0685779). The record a POST or PATCH answers with is the
 * row as stored: when a value comes back as a strict prefix of the one sent, the column holds that many characters.
 * Learning from answers needs no admin rights to sys_dictionary and follows the instance's real lengths, custom u_
 * fields included. A longer value kept in full later shows that the cut was not the column's (a business rule's
 * doing, say): that length is forgotten. Lengths are kept in memory, per table and field; after a restart the first
 * write of a value too long for its column teaches it again.
 */
@Component
public class ServiceNowColumns {
    private final ConcurrentMap<String, Integer> lengths = new ConcurrentHashMap<>();

    /** Learns from ServiceNow's answer to a write: {@code sent} the values written, {@code stored} the record returned. */
    public void learn(String table, Map<String, String> sent, ServiceNowRecord stored) {
        sent.forEach((field, value) -> {
            String kept = stored.fields().get(field);
            if (value == null || kept == null) {
                return;
            }
            int sentLength = value.codePointCount(0, value.length());
            int keptLength = kept.codePointCount(0, kept.length());
            if (keptLength > 0 && keptLength < sentLength && value.startsWith(kept)) {
                lengths.put(key(table, field), keptLength);
            } else if (kept.equals(value)) {
                lengths.computeIfPresent(key(table, field), (k, known) -> known < keptLength ? null : known);
            }
        });
    }

    /** The column length learnt for {@code field} of {@code table}, if a write showed one. */
    public Optional<Integer> length(String table, String field) {
        return Optional.ofNullable(lengths.get(key(table, field)));
    }

    /** {@code fields} as ServiceNow keeps them in {@code table}: each value cut to its column's known length. */
    public Map<String, String> kept(String table, Map<String, String> fields) {
        if (lengths.isEmpty()) {
            return fields;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        fields.forEach((field, value) -> {
            Integer length = lengths.get(key(table, field));
            kept.put(field, length == null || value == null ? value : cut(value, length));
        });
        return kept;
    }

    /** The first {@code length} code points of {@code text}, as a varchar column keeps them. */
    static String cut(String text, int length) {
        if (text.codePointCount(0, text.length()) <= length) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, length));
    }

    private static String key(String table, String field) {
        return table + "." + field;
    }
}
