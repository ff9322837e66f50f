package io.incidentbridge.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.incidentbridge.TestDatabase;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;

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

    /**
     * Gives a route test that needs a database one of its own (on PostgreSQL under -Ppostgres, else an in-memory H2),
     * so it never shares rows with another test's context.
     */
    static void aDatabaseOfItsOwn(DynamicPropertyRegistry registry, String name) {
        TestDatabase.Credentials database = TestDatabase.newDatabase(
                "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
    }
}
