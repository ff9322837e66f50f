package io.incidentbridge.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.http.common.HttpMessage;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who made an admin API request, for the mapping history and the save log. Camel runs the route on a thread of its own,
 * where Spring Security's thread-bound login is not seen, so the login name travels as a request attribute set here.
 */
public final class AuthenticatedUser extends OncePerRequestFilter {
    private static final String ATTRIBUTE = AuthenticatedUser.class.getName();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication login = SecurityContextHolder.getContext().getAuthentication();
        if (login != null && login.isAuthenticated()) {
            request.setAttribute(ATTRIBUTE, login.getName());
        }
        chain.doFilter(request, response);
    }

    /** The login name behind the exchange's request, or "unknown". */
    public static String of(Exchange exchange) {
        HttpServletRequest request = exchange.getMessage().getHeader(Exchange.HTTP_SERVLET_REQUEST, HttpServletRequest.class);
        if (request == null && exchange.getIn() instanceof HttpMessage http) {
            request = http.getRequest();
        }
        Object user = request == null ? null : request.getAttribute(ATTRIBUTE);
        return user == null ? "unknown" : user.toString();
    }
}
