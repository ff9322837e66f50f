package io.incidentbridge.webhooks;

import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.errors.JsonErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the webhook and admin API paths before the request reaches Camel: a declared body over the limit gets 413
 * without being read, and a form or multipart content type gets 415 (the HTTP binding would otherwise try
 * to parse it as form fields and fail with a 500). Both speak JSON.
 * <p>
 * The HTTP binding also copies query parameters into the message headers, where they stand in for missing
 * request headers: {@code ?webhook-signature=...} or {@code ?Authorization=Bearer...} would be read as credentials,
 * and a token in a URL ends up in access logs. Webhooks authenticate with request headers only, so Camel does not
 * see their query parameters.
 */
@Component
public class WebhookRequestGuard extends OncePerRequestFilter {
    private final long maxBytes;

    public WebhookRequestGuard(BridgeProperties properties) {
        this.maxBytes = properties.webhooks().maxBodyBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/webhooks/") && !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response, 413, "the body is larger than " + maxBytes + " bytes (bridge.webhooks.max-body-bytes)");
            return;
        }
        String contentType = request.getContentType();
        if (contentType != null && !isJson(contentType, request.getRequestURI().startsWith("/webhooks/"))) {
            refuse(response, 415, "send application/json");
            return;
        }
        chain.doFilter(request.getRequestURI().startsWith("/webhooks/") ? new WithoutQueryParameters(request) : request, response);
    }

    private static final class WithoutQueryParameters extends HttpServletRequestWrapper {
        WithoutQueryParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }

    /**
     * Webhook senders may label their JSON text/plain; the admin API takes application/json only, which no HTML form can
     * send (a form's text/plain body is the classic way to forge a JSON request from a foreign page).
     */
    private static boolean isJson(String contentType, boolean webhook) {
        String type = contentType.toLowerCase().split(";", 2)[0].trim();
        return type.equals("application/json") || type.endsWith("+json") || webhook && type.equals("text/plain");
    }

    private static void refuse(HttpServletResponse response, int status, String reason) throws IOException {
        JsonErrors.write(response, status, reason);
    }
}
