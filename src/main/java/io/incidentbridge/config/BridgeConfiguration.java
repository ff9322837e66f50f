package io.incidentbridge.config;

import java.net.http.HttpClient;
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

    /** One HTTP client for all outbound calls: it pools connections to ServiceNow and incident.io. */
    @Bean
    public HttpClient outboundHttpClient(BridgeProperties properties) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.servicenow().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
