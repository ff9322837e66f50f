package io.incidentbridge.config;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * H2 closes its databases from a JVM shutdown hook of its own, which runs alongside Spring's: Quartz and the
 * routes, still stopping, then fail with "Database is already closed". With {@code DB_CLOSE_ON_EXIT=FALSE} the
 * database closes when the pool closes its last connection, which Spring does last. Added to any H2 URL that does
 * not set it.
 */
@Component
public class H2ClosedBySpring implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource dataSource) {
            dataSource.setJdbcUrl(closedBySpring(dataSource.getJdbcUrl()));
        }
        return bean;
    }

    static String closedBySpring(String url) {
        if (url == null || !url.startsWith("jdbc:h2:") || url.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
            return url;
        }
        return url + ";DB_CLOSE_ON_EXIT=FALSE";
    }
}
