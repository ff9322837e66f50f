package io.incidentbridge.config;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(BridgeProperties.class)
public class BridgeConfiguration {

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
