package io.incidentbridge.mapping;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.errors.SyncFailure;
import io.incidentbridge.servicenow.EncodedQuery;
import io.incidentbridge.servicenow.ServiceNowTableClient;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Looks references up in ServiceNow through the Table API, with a bounded cache that expires and refreshes
 * in the background. A miss is cached too. A failed lookup is logged once per key and answered as "not
 * found", so a mapping never turns a lookup outage into a dead letter; the next sync looks again.
 * The lookups back from a sys_id (a ServiceNow change's user and group) share the cache but let a failure
 * propagate: answering "no group" there would clear the team in incident.io.
 */
@Component
public class ServiceNowReferenceLookups implements ReferenceLookups {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceNowReferenceLookups.class);

    /** {@code answer} of the {@code table} row whose {@code field} is {@code value}. */
    private record Key(String table, String field, String value, String answer) {
    }

    private final ServiceNowTableClient serviceNow;
    private final LoadingCache<Key, Optional<String>> cache;
    private final Cache<Key, Boolean> reported;

    public ServiceNowReferenceLookups(ServiceNowTableClient serviceNow, BridgeProperties properties) {
        this.serviceNow = serviceNow;
        BridgeProperties.Lookups settings = properties.lookups();
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.cacheSize())
                .expireAfterWrite(settings.cacheTtl())
                .refreshAfterWrite(settings.refreshAfter())
                .build(this::load);
        this.reported = Caffeine.newBuilder().maximumSize(settings.cacheSize()).expireAfterWrite(settings.cacheTtl()).build();
    }

    @Override
    public Optional<String> user(String email) {
        return find(new Key("sys_user", "email", email, "sys_id"));
    }

    @Override
    public Optional<String> group(String name) {
        return find(new Key("sys_user_group", "name", name, "sys_id"));
    }

    @Override
    public Optional<String> configurationItem(String name) {
        Optional<String> service = find(new Key("cmdb_ci_service", "name", name, "sys_id"));
        return service.isPresent() ? service : find(new Key("cmdb_ci", "name", name, "sys_id"));
    }

    @Override
    public Optional<String> userEmail(String sysId) {
        return cache.get(new Key("sys_user", "sys_id", sysId, "email"));
    }

    @Override
    public Optional<String> groupName(String sysId) {
        return cache.get(new Key("sys_user_group", "sys_id", sysId, "name"));
    }

    private Optional<String> find(Key key) {
        try {
            Optional<String> found = cache.get(key);
            if (found.isEmpty()) {
                reportOnce(key, "no " + key.table() + " has " + key.field() + " '" + key.value() + "'");
            }
            return found;
        } catch (SyncFailure | CompletionException failed) {
            cache.invalidate(key);
            reportOnce(key, "looking up " + key.table() + " " + key.field() + " '" + key.value() + "' failed: " + failed.getMessage());
            return Optional.empty();
        }
    }

    private Optional<String> load(Key key) {
        // A name ServiceNow would run as a script cannot be asked for; it names nothing, like any name not found.
        if (!EncodedQuery.queryable(key.value())) {
            return Optional.empty();
        }
        return serviceNow.findOne(key.table(), EncodedQuery.eq(key.field(), key.value()), key.answer())
                .map(record -> record.fields().getOrDefault(key.answer(), "")).filter(answer -> !answer.isEmpty());
    }

    private void reportOnce(Key key, String message) {
        if (reported.asMap().putIfAbsent(key, Boolean.TRUE) == null) {
            LOG.warn("Lookup: {}; the mapping's default applies", message);
        }
    }
}
