package io.incidentbridge.incidentio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.errors.HttpFailureClassifier;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** The {@code classify-incident-io-answer} step: a 2xx leaves its JSON body; anything else becomes its failure type. */
@Component("incidentIoAnswers")
public class IncidentIoAnswers {
    public static final String ROUTE = "direct:incident-io-api";
    /** What the call was, without its query ("POST /v2/incidents/{id}/actions/edit"), for messages. */
    static final String CALL = "bridge.incidentio.call";

    private final ObjectMapper json;
    private final Clock clock;

    public IncidentIoAnswers(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public void classify(Exchange exchange) {
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = exchange.getMessage().getBody(String.class);
        exchange.getMessage().setBody(body);
        if (status / 100 == 2) {
            return;
        }
        throw HttpFailureClassifier.fromStatus("incident.io", exchange.getProperty(CALL, "call", String.class), status,
                errorReason(body), retryAfter(status, exchange.getMessage().getHeader("Retry-After", String.class), body), clock);
    }

    /** incident.io says when to come back in the 429 body (rate_limit.retry_after, an HTTP date); a header wins if sent. */
    private Optional<String> retryAfter(int status, String header, String body) {
        if (header != null || status != 429) {
            return Optional.ofNullable(header);
        }
        try {
            String date = json.readTree(body).path("rate_limit").path("retry_after").asText("");
            return date.isEmpty() ? Optional.empty() : Optional.of(date);
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private String errorReason(String body) {
        try {
            JsonNode errors = json.readTree(body).path("errors");
            return errors.isArray() && errors.size() > 0 ? errors.get(0).path("message").asText("") : "";
        } catch (IOException | RuntimeException notJson) {
            return "";
        }
    }
}
