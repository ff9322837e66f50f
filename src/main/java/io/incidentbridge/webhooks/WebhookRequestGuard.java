package io.incidentbridge.webhooks;

import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.errors.JsonErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the webhook and admin API paths before the request reaches Camel. Every body is read here, through a
 * bounded read: a body over the limit ({@code bridge.webhooks.max-body-bytes}, or {@code bridge.admin.max-body-bytes}
 * for {@code /api}) gets 413 and the connection is closed, whether its length was declared (then nothing is read)
 * or it came chunked (then reading stops one byte past the limit). Camel gets the bytes already in memory, so
 * nothing downstream can read more. A form or multipart content type gets 415 (the HTTP binding would otherwise
 * try to parse it as form fields and fail with a 500). All of these speak JSON.
 * <p>
 * The HTTP binding also copies query parameters into the message headers, where they stand in for missing
 * request headers: {@code ?webhook-signature=...} or {@code ?Authorization=Bearer...} would be read as credentials,
 * and a token in a URL ends up in access logs. Webhooks authenticate with request headers only, so Camel does not
 * see their query parameters.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class WebhookRequestGuard extends OncePerRequestFilter {
    private final long webhookMaxBytes;
    private final long adminMaxBytes;

    public WebhookRequestGuard(BridgeProperties properties) {
        this.webhookMaxBytes = properties.webhooks().maxBodyBytes();
        this.adminMaxBytes = properties.admin().maxBodyBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isWebhook(request) && !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean webhook = isWebhook(request);
        long limit = webhook ? webhookMaxBytes : adminMaxBytes;
        String setting = webhook ? "bridge.webhooks.max-body-bytes" : "bridge.admin.max-body-bytes";
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit, setting);
            return;
        }
        String contentType = request.getContentType();
        if (contentType != null && !isJson(contentType, request.getRequestURI().startsWith("/webhooks/"))) {
            refuse(response, 415, "send application/json");
            return;
        }
        Optional<byte[]> body = BoundedBody.read(request.getInputStream(), limit);
        if (body.isEmpty()) {
            tooLarge(response, limit, setting);
            return;
        }
        HttpServletRequest read = new ReadBody(request, body.get());
        chain.doFilter(webhook ? new WithoutQueryParameters(read) : read, response);
    }

    private static boolean isWebhook(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/webhooks/");
    }

    /** The body, already read within the limit, served from memory to whatever comes next. */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
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

    /** 413, and the connection is closed: what the sender still pushes is not read into the bridge. */
    private static void tooLarge(HttpServletResponse response, long limit, String setting) throws IOException {
        response.setHeader("Connection", "close");
        refuse(response, 413, "the body is larger than " + limit + " bytes (" + setting + ")");
        // Sent now, not after the server has dealt with the unread rest of the body.
        response.flushBuffer();
    }

    private static void refuse(HttpServletResponse response, int status, String reason) throws IOException {
        JsonErrors.write(response, status, reason);
    }
}
