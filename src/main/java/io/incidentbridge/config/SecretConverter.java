package io.incidentbridge.config;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Lets {@code bridge.*} properties bind environment variables straight into {@link Secret}. */
@Component
@ConfigurationPropertiesBinding
public class SecretConverter implements Converter<String, Secret> {
    @Override
    public Secret convert(String source) {
        return Secret.of(source);
    }
}
