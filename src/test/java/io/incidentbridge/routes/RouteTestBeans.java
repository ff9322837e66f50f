package io.incidentbridge.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;

/**
 * What every route test's context needs besides the route's own beans: the clock, a JSON mapper and a meter
 * registry. A plain class of bean methods that each test imports (not a {@code @Configuration}: the test tree holds
 * none that a component scan could pick up).
 */
public class RouteTestBeans {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ObjectMapper objectMapper() {
        return new ObjectMapper();
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
