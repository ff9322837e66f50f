package io.incidentbridge.config;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.spi.PropertiesFunction;
import org.springframework.boot.convert.DurationStyle;

/**
 * {@code {{millis:bridge.inbox.poll-interval}}} in a route: the duration setting ({@code 25ms}, {@code 10s}, a bare
 * number counting as milliseconds) as the whole milliseconds that Camel's scheduler and Quartz options take. Registered
 * through META-INF/services/org/apache/camel/properties-function/millis.
 */
public class MillisPropertiesFunction implements PropertiesFunction, CamelContextAware {
    private CamelContext camelContext;

    @Override
    public String getName() {
        return "millis";
    }

    @Override
    public String apply(String property) {
        String value = camelContext.getPropertiesComponent().resolveProperty(property)
                .orElseThrow(() -> new IllegalArgumentException(property + " is not set"));
        return String.valueOf(toMillis(property, value));
    }

    static long toMillis(String property, String value) {
        try {
            return DurationStyle.detectAndParse(value.trim()).toMillis();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " must be a duration such as 100ms, 30s or 5m, not '" + value + "'", e);
        }
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }
}
