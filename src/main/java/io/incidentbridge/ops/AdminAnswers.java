package io.incidentbridge.ops;

import io.incidentbridge.errors.JsonErrors;
import io.incidentbridge.mapping.MappingFailure;
import io.incidentbridge.mapping.MappingVersions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** A mapping that does not hold: 400 with the first reason and every error at its file, line and column. */
    public void invalidMapping(Exchange exchange) {
        MappingVersions.Invalid invalid = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, MappingVersions.Invalid.class);
        List<Map<String, Object>> errors = new ArrayList<>();
        for (MappingFailure failure : invalid.errors()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("file", failure.file());
            error.put("line", failure.line());
            error.put("column", failure.column());
            error.put("message", failure.getMessage());
            errors.add(error);
        }
        answer(exchange, 400, invalid.getMessage());
        Map<String, Object> body = new LinkedHashMap<>(exchange.getMessage().getBody(Map.class));
        body.put("errors", errors);
        exchange.getMessage().setBody(body);
    }

    /** A save from a version no longer in force: 409 with the version in force now, so the caller sees what changed. */
    public void staleMapping(Exchange exchange) {
        MappingVersions.Stale stale = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, MappingVersions.Stale.class);
        answer(exchange, 409, stale.getMessage());
        Map<String, Object> body = new LinkedHashMap<>(exchange.getMessage().getBody(Map.class));
        body.put("current", MappingWorkbench.full(stale.current()));
        exchange.getMessage().setBody(body);
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
