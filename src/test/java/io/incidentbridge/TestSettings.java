package io.incidentbridge;

import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.config.SecretConverter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/** The bridge's settings as application.yaml gives them, plus overrides: for bean tests without a Spring context. */
public final class TestSettings {
    private TestSettings() {
    }

    public static BridgeProperties load(Map<String, Object> overrides) {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().addFirst(new MapPropertySource("overrides", overrides));
            List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yaml",
                    new FileSystemResource("application.yaml"));
            yaml.forEach(environment.getPropertySources()::addLast);
            ApplicationConversionService conversion = new ApplicationConversionService();
            conversion.addConverter(new SecretConverter());
            Binder binder = new Binder(ConfigurationPropertySources.get(environment),
                    new PropertySourcesPlaceholdersResolver(environment), conversion);
            return binder.bind("bridge", Bindable.of(BridgeProperties.class), BindHandler.DEFAULT).get();
        } catch (IOException e) {
            throw new IllegalStateException("application.yaml cannot be read", e);
        }
    }

    public static BridgeProperties defaults() {
        return load(Map.of());
    }
}
