package io.incidentbridge.ops;

import io.incidentbridge.errors.JsonErrors;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Error answers of the admin API: a status and {"error": reason} (written as JSON by the REST binding). */
@Component
public class AdminAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(AdminAnswers.class);

    public void notFound(Exchange exchange) {
        answer(exchange, 404, caught(exchange).getMessage());
    }

    public void badRequest(Exchange exchange) {
        answer(exchange, 400, caught(exchange).getMessage());
    }

    /** The body is not JSON, or not the JSON the operation takes; the parser's own words name its classes, so not those. */
    public void malformed(Exchange exchange) {
        answer(exchange, 400, "the body is not valid JSON for this request");
    }

    public void conflict(Exchange exchange) {
        answer(exchange, 409, caught(exchange).getMessage());
    }

    public void failed(Exchange exchange) {
        Exception error = caught(exchange);
        LOG.error("Admin API request failed", error);
        answer(exchange, 500, "the request failed; the bridge's log has the details");
    }

    private static Exception caught(Exchange exchange) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }

    private void answer(Exchange exchange, int status, String reason) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(JsonErrors.body(reason));
    }
}
