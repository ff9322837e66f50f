package io.incidentbridge.config;

import io.incidentbridge.inbox.InboxClaimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order of a normal stop (SIGTERM). Spring stops lifecycle beans from the highest phase down, then destroys
 * beans in reverse dependency order:
 * <ol>
 *   <li>the webhooks answer 503 ({@code WebhookGate}, on the closed event, before any lifecycle step); Quartz
 *       goes to standby, so no schedule fires into a stopping bridge; the HTTP server drains and stops;</li>
 *   <li>Camel stops its routes, letting in-flight incidents finish ({@code camel.main.shutdown-timeout}), and then
 *       the claims of incidents the workers did not get to are released;</li>
 *   <li>the Quartz scheduler shuts down, then the connection pool closes; an H2 database closes with the pool's
 *       last connection ({@link H2ClosedBySpring}).</li>
 * </ol>
 */
@Configuration
public class ShutdownOrder {
    /** The phase of Camel's Spring context ({@code SpringCamelContext.getPhase()}): it stops after the web server. */
    static final int CAMEL_PHASE = Integer.MAX_VALUE - 2049;
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownOrder.class);

    @Bean
    public SmartLifecycle releaseClaimsAfterCamelStops(InboxClaimer claimer) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                running = true;
            }

            @Override
            public void stop() {
                running = false;
                int released = claimer.releaseAll();
                if (released > 0) {
                    LOG.info("Released {} incident claims the workers did not get to", released);
                }
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return CAMEL_PHASE - 1;
            }
        };
    }
}
