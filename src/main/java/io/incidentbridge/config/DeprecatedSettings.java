package io.incidentbridge.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Older documented names of settings keep working: where one is set (in any form Spring accepts, e.g.
 * BRIDGE_BACK_SYNC_POLL_INTERVAL_MILLIS) and the new name is not set in a source that takes precedence over it, its
 * value is carried to the new name, and a warning at startup names the replacement. The configuration metadata marks
 * the old names deprecated as well (META-INF/additional-spring-configuration-metadata.json).
 */
public class DeprecatedSettings implements EnvironmentPostProcessor {
    /** Old name -> new name, and the unit a bare number in the old name meant. */
    static final Map<String, Replacement> RENAMED = Map.of(
            "bridge.back-sync.poll-interval-millis", new Replacement("bridge.back-sync.poll-interval", "ms"),
            "bridge.inbox.settle-time", new Replacement("bridge.inbox.quiet-period", "ms"));

    record Replacement(String name, String bareNumberUnit) {
    }

    private final Log log;

    public DeprecatedSettings(DeferredLogFactory logs) {
        this.log = logs.getLog(DeprecatedSettings.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> carried = new LinkedHashMap<>();
        String before = null;
        for (Map.Entry<String, Replacement> renamed : RENAMED.entrySet()) {
            String oldName = renamed.getKey();
            Replacement replacement = renamed.getValue();
            PropertySource<?> first = firstSourceWithEither(environment, oldName, replacement.name());
            if (first == null || !has(first, oldName) || has(first, replacement.name())) {
                continue;
            }
            String value = String.valueOf(valueIn(first, oldName)).trim();
            carried.put(replacement.name(), value.matches("\\d+") ? value + replacement.bareNumberUnit() : value);
            before = first.getName();
            log.warn(oldName + " is deprecated and will be removed: use " + replacement.name() + " (a duration such as 30s)"
                    + " instead; its value " + value + " is used for " + replacement.name() + " for now.");
        }
        if (!carried.isEmpty()) {
            environment.getPropertySources().addBefore(before, new MapPropertySource("bridge-deprecated-names", carried));
        }
    }

    private static PropertySource<?> firstSourceWithEither(ConfigurableEnvironment environment, String oldName, String newName) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source.getName().equals(ConfigurationPropertySources.class.getName()) || source.getName().equals("configurationProperties")) {
                continue;
            }
            if (has(source, oldName) || has(source, newName)) {
                return source;
            }
        }
        return null;
    }

    private static boolean has(PropertySource<?> source, String name) {
        return valueIn(source, name) != null;
    }

    /** The value under the name as written, or in environment-variable form (BRIDGE_BACK_SYNC_POLL_INTERVAL_MILLIS). */
    private static Object valueIn(PropertySource<?> source, String name) {
        Object value = source.getProperty(name);
        return value != null ? value : source.getProperty(name.replace('.', '_').replace("-", "").toUpperCase());
    }
}
