package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.incidentbridge.emulator.core.Exchanges;
import io.incidentbridge.emulator.core.Faults;
import io.incidentbridge.emulator.core.Json;
import io.incidentbridge.emulator.core.Pause;
import io.incidentbridge.emulator.core.QueryString;
import io.incidentbridge.emulator.core.RateLimiter;
import io.incidentbridge.emulator.core.RecordedRequest;
import io.incidentbridge.emulator.core.RequestLog;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Every request passes the same gates, in the order a client meets them at incident.io: injected infrastructure
 * faults first (they happen before the application: a dropped connection, latency, outage, failures), then
 * routing, bearer authentication, the per-key rate limit, and only then the handler. Each request is logged before
 * its answer is sent, so a client that has read the answer always finds its request in the log.
 */
final class ApiPipeline implements HttpHandler {
    private record Answer(int status, JsonNode body) {
    }

    private final Router router;
    private final ApiKeyPolicy key;
    private final RateLimiter rateLimiter;
    private final Faults faults;
    private final RequestLog log;
    private final Clock clock;

    ApiPipeline(Router router, ApiKeyPolicy key, RateLimiter rateLimiter, Faults faults, RequestLog log, Clock clock) {
        this.router = router;
        this.key = key;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Instant at = clock.instant();
            URI uri = exchange.getRequestURI();
            String body = Exchanges.body(exchange);
            QueryString query = QueryString.parse(uri.getRawQuery());
            ApiCall call = new ApiCall(exchange.getRequestMethod().toUpperCase(Locale.ROOT), uri.getRawPath(), List.of(),
                    query.repeated(), body);
            if (faults.takeDrop()) {
                // Logged unanswered (status 0); closing the exchange before any answer drops the connection.
                log.add(new RecordedRequest(at, call.method(), uri.getPath(), query.joined(),
                        Exchanges.joinedHeaders(exchange), body, 0));
                return;
            }
            String requestId = UUID.randomUUID().toString();
            Answer answer = answer(call, exchange.getRequestHeaders().getFirst("Authorization"), requestId);
            log.add(new RecordedRequest(at, call.method(), uri.getPath(), query.joined(),
                    Exchanges.joinedHeaders(exchange), body, answer.status()));
            send(exchange, answer);
        }
    }

    private Answer answer(ApiCall call, String authorization, String requestId) {
        Pause.hold(faults.takeDelay());
        try {
            return route(call, authorization, requestId);
        } catch (ApiError refused) {
            return new Answer(refused.status(), refused.render(requestId));
        } catch (RuntimeException bug) {
            // A defect in the emulator itself: answered like an incident.io 500, with the cause in the message,
            // rather than a dropped connection the client could not explain.
            return new Answer(500, ApiError.serverError(500, "emulator defect: " + bug).render(requestId));
        }
    }

    private Answer route(ApiCall call, String authorization, String requestId) {
        if (faults.outage()) {
            throw ApiError.serverError(503, "incident.io is unavailable (injected outage)");
        }
        OptionalInt failure = faults.takeFailure();
        if (failure.isPresent()) {
            throw ApiError.serverError(failure.getAsInt(), "injected failure");
        }
        Router.Match match = router.match(call.method(), call.path())
                .orElseThrow(() -> ApiError.notFound("the route " + call.method() + " " + call.path()));
        authenticate(authorization);
        Optional<Instant> limited = rateLimited(clock.instant());
        if (limited.isPresent()) {
            return new Answer(429, ErrorBodies.tooManyRequests(requestId, ApiKeyPolicy.KEY_NAME, key.perMinute(), limited.get()));
        }
        ApiResponse response = match.handler().handle(call.withPathParams(match.pathParams()));
        return new Answer(response.status(), response.body());
    }

    /**
     * Empty when the request is within the key's budget per minute (reference b.4) and no injected 429 is due;
     * otherwise the moment the budget refills.
     */
    private Optional<Instant> rateLimited(Instant now) {
        if (faults.takeRateLimit().isPresent()) {
            return Optional.of(rateLimiter.windowEnd(ApiKeyPolicy.KEY_NAME, now));
        }
        RateLimiter.Decision counted = rateLimiter.acquire(ApiKeyPolicy.KEY_NAME, key.perMinute(), now);
        return counted.exceeded() ? Optional.of(counted.windowEnd()) : Optional.empty();
    }

    private void authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw ApiError.unauthorized("No authorization material provided in request");
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer") || !key.accepts(parts[1])) {
            throw ApiError.unauthorized("The API key provided is not valid");
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        if (answer.body() != null) {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        }
        Exchanges.send(exchange, answer.status(), answer.body() == null ? null : Json.write(answer.body()));
    }
}
