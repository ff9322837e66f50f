package io.incidentbridge.backsync;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.incidentio.IncidentIoClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * incident.io's custom fields by name, from {@code GET /v2/custom_fields}: an incident lists only the fields it has a
 * value in (or may), so a field the bridge is about to fill for the first time is found here. The list is read again
 * after {@code bridge.lookups.cache-ttl}, and at most once a minute when a name is not in it (a field created since).
 */
@Component
public class CustomFieldDirectory {
    private static final Duration MISS_RETRY = Duration.ofMinutes(1);

    private final Supplier<JsonNode> fields;
    private final Duration ttl;
    private final Clock clock;
    private volatile Snapshot snapshot;

    @Autowired
    public CustomFieldDirectory(IncidentIoClient incidentIo, BridgeProperties properties, Clock clock) {
        this(incidentIo::customFields, properties.lookups().cacheTtl(), clock);
    }

    /** Over any source of the {@code custom_fields} list (tests use a fixed one). */
    CustomFieldDirectory(Supplier<JsonNode> fields, Duration ttl, Clock clock) {
        this.fields = fields;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The field definition ({@code id, name, field_type, options}) with this name, or empty when there is none. */
    public Optional<JsonNode> named(String name) {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.readAt().plus(ttl).isBefore(now)
                || current.find(name).isEmpty() && current.readAt().plus(MISS_RETRY).isBefore(now)) {
            current = new Snapshot(fields.get(), now);
            snapshot = current;
        }
        return current.find(name);
    }

    /** The field as the incident lists it, else as the account defines it; empty when it really does not exist. */
    public Optional<JsonNode> of(JsonNode incident, String name) {
        for (JsonNode entry : incident.path("custom_field_entries")) {
            if (name.equals(entry.path("custom_field").path("name").asText())) {
                return Optional.of(entry.path("custom_field"));
            }
        }
        return named(name);
    }

    private record Snapshot(JsonNode fields, Instant readAt) {
        Optional<JsonNode> find(String name) {
            for (JsonNode field : fields) {
                if (name.equals(field.path("name").asText())) {
                    return Optional.of(field);
                }
            }
            return Optional.empty();
        }
    }
}
