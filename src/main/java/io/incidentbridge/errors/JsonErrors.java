package io.incidentbridge.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The one shape of every error answer, from the webhooks, the admin API, Spring Security and the error page alike:
 * a status and {@code {"error": reason}}, where the reason is written for the caller and never names an exception.
 */
public final class JsonErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonErrors() {
    }

    public static Map<String, String> body(String reason) {
        return Map.of("error", reason == null ? "" : reason);
    }

    public static void write(HttpServletResponse response, int status, String reason) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(JSON.writeValueAsBytes(body(reason)));
    }
}
