package io.incidentbridge.ops;

import io.incidentbridge.config.BridgeProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
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
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * Every door but the two webhooks (which verify their own signatures) and the liveness/readiness probes needs a
 * login. The admin may do everything; the viewer may only read. Without an admin password nobody can log in,
 * and the log says how to change that.
 * <p>
 * Two kinds of callers, two kinds of proof. Programs send HTTP Basic credentials with each request: they are
 * authenticated statelessly (no session is created) and need no CSRF token, since a foreign web page cannot know the
 * password. Browsers log in at /login and hold a session cookie (SameSite=Strict); a cookie alone never authorises a
 * change: every POST, PUT, PATCH or DELETE of a session, on the admin API and Jolokia as anywhere else, must carry the
 * CSRF token (the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header, which Hawtio sends by itself). Basic credentials
 * on a request a browser marks as cross-origin (credentials the browser remembered) get no exemption either.
 * Repeated failed logins lock the user or client address for a while ({@link LoginThrottle}).
 */
@Configuration
@EnableWebSecurity
public class SecurityConfiguration {
    public static final String ADMIN = "admin";
    public static final String VIEWER = "viewer";
    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    public SecurityFilterChain bridgeSecurity(HttpSecurity http, LoginThrottle throttle) throws Exception {
        LoginOutcomes outcomes = new LoginOutcomes(throttle);
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/webhooks/**", "/error").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(ADMIN, VIEWER)
                        // Checking and previewing a draft change nothing: the viewer may try drafts, only the admin saves.
                        .requestMatchers(HttpMethod.POST, "/api/mappings/validate", "/api/mappings/preview").hasAnyRole(ADMIN, VIEWER)
                        .requestMatchers("/api/**").hasRole(ADMIN)
                        // Jolokia answers GET for looking only (search, read, list, version); a GET that would run an
                        // operation or write an attribute is refused, so a link can never be made to change anything.
                        .requestMatchers(JolokiaGets::changesSomething).denyAll()
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
                .httpBasic(basic -> basic.authenticationEntryPoint(outcomes.basicEntryPoint()))
                .formLogin(form -> form.failureHandler(outcomes.formFailure()).successHandler(outcomes.formSuccess()))
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                // Webhooks prove themselves with signatures; programs with Basic credentials. Browser sessions need the token.
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler())
                        .ignoringRequestMatchers("/webhooks/**")
                        .ignoringRequestMatchers(request -> hasBasicCredentials(request) && !SameOrigin.isCrossOrigin(request)));
        return http.build();
    }

    private static boolean hasBasicCredentials(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
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
