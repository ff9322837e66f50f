package io.incidentbridge.ops;

import io.incidentbridge.errors.JsonErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login attempt (a POST to /login, or any request with HTTP Basic credentials) with 429 and Retry-After while
 * its user or client address is locked, before the password is even looked at. How attempts went is told to the
 * throttle by {@link LoginOutcomes}.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {
    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> user = attemptedUser(request);
        Optional<Duration> locked = user.flatMap(name -> throttle.lockedFor(name, request.getRemoteAddr()));
        if (locked.isPresent()) {
            long seconds = Math.max(1, locked.get().toSeconds() + 1);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            JsonErrors.write(response, 429, "too many failed logins; try again in " + seconds + " seconds");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isFormLogin(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
    }

    static Optional<String> attemptedUser(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
            } catch (IllegalArgumentException notBase64) {
                return Optional.of("");
            }
        }
        if (isFormLogin(request)) {
            return Optional.ofNullable(request.getParameter("username")).or(() -> Optional.of(""));
        }
        return Optional.empty();
    }
}
