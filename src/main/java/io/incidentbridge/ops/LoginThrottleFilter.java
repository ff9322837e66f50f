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
 * its user or client address is locked, before the password is even looked at; otherwise tells the throttle how the
 * attempt went: refused Basic credentials are answered 401, a refused form login is sent back to /login?error.
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
        if (user.isPresent()) {
            Boolean refused = refused(request, response);
            if (Boolean.TRUE.equals(refused)) {
                throttle.failed(user.get(), request.getRemoteAddr());
            } else if (Boolean.FALSE.equals(refused)) {
                throttle.succeeded(user.get());
            }
        }
    }

    /** Whether the password was refused; null when it was never checked (a login form without its CSRF token). */
    private static Boolean refused(HttpServletRequest request, HttpServletResponse response) {
        if (isFormLogin(request)) {
            String location = response.getHeader(HttpHeaders.LOCATION);
            return location == null ? null : location.contains("/login?error");
        }
        return response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED;
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
