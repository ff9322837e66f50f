package io.incidentbridge.incidentio;

import io.incidentbridge.config.BridgeProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the webhook and admin API paths before the request reaches Camel: a declared body over the limit gets 413
 * without being read, and a form or multipart content type gets 415 (the HTTP binding would otherwise try
 * to parse it as form fields and fail with a 500). Both speak JSON.
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
        if (contentType != null && !isJson(contentType)) {
            refuse(response, 415, "send application/json");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isJson(String contentType) {
        String type = contentType.toLowerCase().split(";", 2)[0].trim();
        return type.equals("application/json") || type.endsWith("+json") || type.equals("text/plain");
    }

    private static void refuse(HttpServletResponse response, int status, String reason) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(("{\"error\":\"" + reason + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
