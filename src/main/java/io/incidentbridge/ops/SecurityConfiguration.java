package io.incidentbridge.ops;

import io.incidentbridge.config.BridgeProperties;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * Every door but the two webhooks (which verify their own signatures) and the liveness/readiness probes needs a
 * login. The admin may do everything; the viewer may only read. Without an admin password nobody can log in,
 * and the log says how to change that.
 */
@Configuration
@EnableWebSecurity
public class SecurityConfiguration {
    public static final String ADMIN = "admin";
    public static final String VIEWER = "viewer";
    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    public SecurityFilterChain bridgeSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/webhooks/**", "/error").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(ADMIN, VIEWER)
                        .requestMatchers("/api/**").hasRole(ADMIN)
                        .requestMatchers("/actuator/jolokia/**", "/actuator/hawtio/**", "/actuator/hawtio").hasRole(ADMIN)
                        .requestMatchers("/actuator/**").hasAnyRole(ADMIN, VIEWER)
                        .anyRequest().authenticated())
                // Camel answers on a thread of its own (platform-http runs the route asynchronously). Written lazily, Spring
                // Security's headers are set from the request thread while that thread commits the response; Tomcat's
                // headers are not thread-safe, and the answer can come out corrupt or not at all (spring-security#9175).
                .headers(headers -> headers.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }))
                .addFilterAfter(new AuthenticatedUser(), AuthorizationFilter.class)
                .httpBasic(Customizer.withDefaults())
                .formLogin(Customizer.withDefaults())
                // The API and webhooks are called by programs with credentials, not by a browser session.
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler())
                        .ignoringRequestMatchers("/webhooks/**", "/api/**", "/actuator/jolokia/**"));
        return http.build();
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    public UserDetailsService bridgeUsers(BridgeProperties properties, PasswordEncoder encoder) {
        BridgeProperties.Access access = properties.access();
        List<UserDetails> users = new ArrayList<>();
        if (!access.adminUser().isBlank() && !access.adminPassword().isEmpty()) {
            users.add(User.withUsername(access.adminUser()).password(encoder.encode(access.adminPassword().reveal()))
                    .roles(ADMIN, VIEWER).build());
        } else {
            LOG.warn("No admin login: the admin API, Hawtio and the metrics stay closed. Set BRIDGE_ADMIN_USER and "
                    + "BRIDGE_ADMIN_PASSWORD to open them (and BRIDGE_VIEWER_USER/BRIDGE_VIEWER_PASSWORD for read-only access).");
        }
        if (!access.viewerUser().isBlank() && !access.viewerPassword().isEmpty()) {
            users.add(User.withUsername(access.viewerUser()).password(encoder.encode(access.viewerPassword().reveal()))
                    .roles(VIEWER).build());
        }
        return new InMemoryUserDetailsManager(users);
    }
}
