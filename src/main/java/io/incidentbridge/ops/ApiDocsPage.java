package io.incidentbridge.ops;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Swagger UI of the admin API at /api/docs (a page under static/api/docs with the swagger-ui WebJar), behind the viewer
 * login like every GET under /api.
 */
@Configuration
public class ApiDocsPage implements WebMvcConfigurer {
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/api/docs", "/api/docs/index.html");
        registry.addRedirectViewController("/api/docs/", "/api/docs/index.html");
    }
}
