package io.incidentbridge.emulator.servicenow;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Puts a response on the wire with the headers every ServiceNow response carries (§1.6, §1.8, checklist §A). */
final class ResponseWriter {

    private ResponseWriter() {
    }

    static void write(HttpExchange exchange, ApiResponse response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Server", "ServiceNow");
        headers.set("X-Transaction-ID", Identifiers.transactionId());
        headers.set("Cache-control", "no-cache,no-store,must-revalidate,max-age=-1");
        headers.set("Pragma", "no-store,no-cache");
        headers.set("Expires", "0");
        if (response.contentType() != null) {
            headers.set("Content-Type", response.contentType());
        }
        response.headers().forEach(h -> headers.add(h.name(), h.value()));
        byte[] body = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
        boolean sendsBody = body.length > 0 && !"HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), sendsBody ? body.length : -1);
        if (sendsBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
