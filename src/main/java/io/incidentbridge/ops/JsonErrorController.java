package io.incidentbridge.ops;

import io.incidentbridge.errors.JsonErrors;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's error page (Whitelabel HTML, or JSON naming the exception): whatever ends up at /error (an
 * unknown path, Spring Security's 401 and 403, a failure outside the routes) is answered as {@code {"error": reason}}
 * with a fixed reason per status, never a stack trace, an exception class or its message.
 */
@RestController
public class JsonErrorController implements ErrorController {

    @RequestMapping(path = "${server.error.path:/error}", produces = MediaType.ALL_VALUE)
    public ResponseEntity<Map<String, String>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(JsonErrors.body(reason(status)));
    }

    static String reason(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "the request is malformed";
            case UNAUTHORIZED -> "unauthorized: log in with HTTP Basic, or a session from /login";
            case FORBIDDEN -> "forbidden: this login may not do that, or the CSRF token is missing (send X-XSRF-TOKEN)";
            case NOT_FOUND -> "no such path";
            case METHOD_NOT_ALLOWED -> "method not allowed here";
            case PAYLOAD_TOO_LARGE -> "the body is too large";
            case UNSUPPORTED_MEDIA_TYPE -> "send application/json";
            case TOO_MANY_REQUESTS -> "too many requests; try again later";
            case SERVICE_UNAVAILABLE -> "not available right now; try again later";
            default -> status.is4xxClientError() ? status.getReasonPhrase().toLowerCase()
                    : "the bridge failed to answer; its log has the details";
        };
    }
}
