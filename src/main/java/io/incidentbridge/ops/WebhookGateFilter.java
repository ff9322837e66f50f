package io.incidentbridge.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the bridge is starting or stopping, {@code /webhooks/**} answer 503 with Retry-After (which senders retry),
 * never the 404 the server would give for a route that is not up. Runs before any body is read.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class WebhookGateFilter extends OncePerRequestFilter {
    /** Seconds a sender is asked to wait: about what a restart takes. */
    static final String RETRY_AFTER_SECONDS = "5";
    private final WebhookGate gate;

    public WebhookGateFilter(WebhookGate gate) {
        this.gate = gate;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/webhooks/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (gate.isOpen()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(503);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        response.getOutputStream().write("{\"error\":\"the bridge is starting or stopping; try again shortly\"}"
                .getBytes(StandardCharsets.UTF_8));
    }
}
