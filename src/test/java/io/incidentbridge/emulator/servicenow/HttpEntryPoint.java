package io.incidentbridge.emulator.servicenow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.incidentbridge.emulator.core.Exchanges;
import io.incidentbridge.emulator.core.Faults;
import io.incidentbridge.emulator.core.QueryString;
import io.incidentbridge.emulator.core.RecordedRequest;
import io.incidentbridge.emulator.core.RequestLog;
import java.io.IOException;
import java.time.Clock;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;

/**
 * Adapts the JDK HTTP server: reads the request, logs it on arrival, routes it, logs the status, writes it. An
 * injected dropped connection hits the REST API ({@code /api/...}) like the other faults, and comes first.
 */
final class HttpEntryPoint implements HttpHandler {

    private final RequestRouter router;
    private final Faults faults;
    private final RequestLog log;
    private final Clock clock;
    private final String fallbackOrigin;

    HttpEntryPoint(RequestRouter router, Faults faults, RequestLog log, Clock clock, String fallbackOrigin) {
        this.router = router;
        this.faults = faults;
        this.log = log;
        this.clock = clock;
        this.fallbackOrigin = fallbackOrigin;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            ApiResponse response;
            RequestLog.Entry entry = null;
            try {
                ApiRequest request = read(exchange);
                entry = log.arrived(new RecordedRequest(clock.instant(), request.method(), request.path(),
                        Collections.unmodifiableMap(request.query().decoded()), request.headers(), request.body(), 0));
                if (request.path().startsWith("/api/") && faults.takeDrop()) {
                    return; // closing the exchange before any answer drops the connection; the log keeps status 0
                }
                response = router.route(request);
            } catch (ApiException e) {
                response = e.response();
            } catch (QueryString.MalformedException e) {
                response = ErrorResponses.unknownResource();
            }
            if (entry != null) {
                entry.answered(response.status());
            }
            ResponseWriter.write(exchange, response);
        } finally {
            exchange.close();
        }
    }

    private ApiRequest read(HttpExchange exchange) throws IOException {
        Map<String, String> headers = Exchanges.firstHeaders(exchange);
        String override = headers.get("x-http-method-override");
        String method = (override == null ? exchange.getRequestMethod() : override).toUpperCase(Locale.ROOT);
        String body = Exchanges.body(exchange);
        String host = headers.get("host");
        String origin = host == null ? fallbackOrigin : "http://" + host;
        QueryString query = QueryString.parse(exchange.getRequestURI().getRawQuery());
        return new ApiRequest(method, exchange.getRequestURI().getRawPath(), query, headers, body, origin);
    }
}
