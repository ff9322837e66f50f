package io.incidentbridge.emulator.core;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reading a request and writing an answer on the JDK HTTP server, the same way in every emulator. */
public final class Exchanges {
    private Exchanges() {
    }

    /** The request body as UTF-8 text. */
    public static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Request headers with lower-case names; a header given several times keeps its first value. */
    public static Map<String, String> firstHeaders(HttpExchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.get(0)));
        return headers;
    }

    /** Request headers with lower-case names; a header given several times has its values joined with commas. */
    public static Map<String, String> joinedHeaders(HttpExchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        return headers;
    }

    /**
     * Sends the status and, unless it is empty or null or the request was a HEAD, the body. Response headers set
     * before this call go out with it.
     */
    public static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        boolean sendsBody = bytes.length > 0 && !"HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, sendsBody ? bytes.length : -1);
        if (sendsBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
