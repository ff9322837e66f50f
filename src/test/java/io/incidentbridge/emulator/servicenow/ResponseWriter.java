package io.incidentbridge.emulator.servicenow;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.incidentbridge.emulator.core.Exchanges;
import java.io.IOException;

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
        Exchanges.send(exchange, response.status(), response.body());
    }
}
