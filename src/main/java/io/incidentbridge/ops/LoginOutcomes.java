package io.incidentbridge.ops;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * Tells the {@link LoginThrottle} how each login went, where Spring Security decides it: the login form's success and
 * failure handlers, and the entry point that answers refused HTTP Basic credentials with 401.
 */
final class LoginOutcomes {
    private final LoginThrottle throttle;

    LoginOutcomes(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    AuthenticationFailureHandler formFailure() {
        SimpleUrlAuthenticationFailureHandler standard = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, exception) -> {
            throttle.failed(LoginThrottleFilter.attemptedUser(request).orElse(""), request.getRemoteAddr());
            standard.onAuthenticationFailure(request, response, exception);
        };
    }

    AuthenticationSuccessHandler formSuccess() {
        SavedRequestAwareAuthenticationSuccessHandler standard = new SavedRequestAwareAuthenticationSuccessHandler();
        return (request, response, authentication) -> {
            throttle.succeeded(authentication.getName());
            standard.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** Called for refused Basic credentials, and for requests that need a login and brought none. */
    AuthenticationEntryPoint basicEntryPoint() {
        BasicAuthenticationEntryPoint standard = new BasicAuthenticationEntryPoint();
        standard.setRealmName("Incident Bridge");
        return new AuthenticationEntryPoint() {
            @Override
            public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
                    throws IOException, ServletException {
                LoginThrottleFilter.attemptedUser(request).ifPresent(user -> throttle.failed(user, request.getRemoteAddr()));
                standard.commence(request, response, exception);
            }
        };
    }
}
