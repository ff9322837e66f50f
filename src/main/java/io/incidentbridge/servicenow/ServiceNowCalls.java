package io.incidentbridge.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.errors.HttpFailureClassifier;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The last step of {@code servicenow-table-api-call}: reads ServiceNow's answer and turns a failure into its type
 * (through {@link HttpFailureClassifier}), so callers of the route see a JSON body or a typed failure.
 * With OAuth, a first 401 also drops the token the call carried, so the caller's one replay gets a fresh one.
 */
@Component("serviceNowAnswers")
public class ServiceNowCalls {
    public static final String TABLE_ROUTE = "direct:servicenow-table-api";
    public static final String TOKEN_ROUTE = "direct:servicenow-token";
    /** What the call was, for messages and metrics ("PATCH incident"). */
    static final String CALL = "bridge.servicenow.call";
    static final String TABLE = "bridge.servicenow.table";
    static final String METHOD = "bridge.servicenow.method";
    /** The answer's status is the result (the connection check): only a first 401 is raised, for the replay. */
    static final String STATUS_IS_ANSWER = "bridge.servicenow.status-is-answer";
    static final String REPLAY = "bridge.servicenow.replay";

    private final ServiceNowAuthorisation auth;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    public ServiceNowCalls(ServiceNowAuthorisation auth, ObjectMapper json, Clock clock, MeterRegistry meters) {
        this.auth = auth;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    public void classify(Exchange exchange) {
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = exchange.getMessage().getBody(String.class);
        exchange.getMessage().setBody(body);
        String call = exchange.getProperty(CALL, "ServiceNow call", String.class);
        String method = exchange.getProperty(METHOD, "GET", String.class);
        meters.counter("bridge.servicenow.calls", "method", method, "table", exchange.getProperty(TABLE, "", String.class),
                "status", Integer.toString(status)).increment();
        if (status / 100 == 2) {
            return;
        }
        boolean replay = exchange.getProperty(REPLAY, false, Boolean.class);
        if (status == 401 && !replay && !auth.basic()) {
            auth.rejected(exchange);
        } else if (exchange.getProperty(STATUS_IS_ANSWER, false, Boolean.class)) {
            return;
        }
        throw HttpFailureClassifier.fromStatus("ServiceNow", call, status, errorReason(body),
                Optional.ofNullable(exchange.getMessage().getHeader("Retry-After", String.class)), clock);
    }

    String errorReason(String body) {
        try {
            JsonNode error = json.readTree(body).path("error");
            String message = error.path("message").asText("");
            String detail = error.path("detail").isNull() ? "" : error.path("detail").asText("");
            return detail.isEmpty() ? message : message + " (" + detail + ")";
        } catch (IOException | RuntimeException notJson) {
            return body == null ? "" : body.substring(0, Math.min(200, body.length()));
        }
    }
}
