package io.incidentbridge.ops;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Feeds Spring Security's login outcomes (form and Basic) to the {@link LoginThrottle}. */
@Component
class LoginOutcomes {
    private final LoginThrottle throttle;

    LoginOutcomes(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        throttle.failed(event.getAuthentication().getName(), address);
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        throttle.succeeded(event.getAuthentication().getName());
    }
}
