package io.incidentbridge.emulator.servicenow;

import io.incidentbridge.emulator.core.Faults;
import io.incidentbridge.emulator.core.Pause;
import io.incidentbridge.emulator.core.QueryString;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The order real requests go through: outage, OAuth endpoint, then for the REST API injected faults,
 * authentication, the rate-limit rule and finally the Table or Aggregate API.
 */
final class RequestRouter {

    /** Detail value for one-shot 429s when no rule is configured: the doc's example limit (§4). */
    private static final int NOMINAL_LIMIT = 100;

    private final Faults faults;
    private final OAuthTokenEndpoint oauth;
    private final Authenticator authenticator;
    private final RateLimitRule rateLimiter;
    private final TableApiEndpoint tables;
    private final StatsEndpoint stats;
    private final Clock clock;

    RequestRouter(Faults faults, OAuthTokenEndpoint oauth, Authenticator authenticator, RateLimitRule rateLimiter,
                  TableApiEndpoint tables, StatsEndpoint stats, Clock clock) {
        this.faults = faults;
        this.oauth = oauth;
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.tables = tables;
        this.stats = stats;
        this.clock = clock;
    }

    ApiResponse route(ApiRequest request) {
        try {
            if (faults.outage()) {
                return ErrorResponses.injected(503, faults.htmlErrorBodies());
            }
            if (request.path().equals("/oauth_token.do")) {
                return oauth.handle(request);
            }
            if (request.path().startsWith("/api/")) {
                return api(request);
            }
            return ErrorResponses.error(404, "Not Found", null);
        } catch (ApiException e) {
            return e.response();
        } catch (QueryString.MalformedException e) {
            return ErrorResponses.unknownResource();
        } catch (RuntimeException e) {
            return ErrorResponses.emulatorFailure(e);
        }
    }

    private ApiResponse api(ApiRequest request) {
        if (!Pause.hold(faults.takeDelay())) {
            return ErrorResponses.injected(503, false);
        }
        Optional<ApiResponse> injected = injectedFault();
        if (injected.isPresent()) {
            return injected.get();
        }
        UserAccount user = authenticator.authenticate(request)
                .orElseThrow(() -> new ApiException(ErrorResponses.notAuthenticated()));
        Optional<TablePath> table = TablePath.parse(request.path());
        Optional<RateLimitRule.Decision> rate = table.flatMap(t -> rateLimiter.count(user.userName(), clock.instant()));
        List<ApiResponse.Header> rateHeaders = rate.map(RateLimitRule.Decision::headers).orElse(List.of());
        ApiResponse response = rate.filter(RateLimitRule.Decision::exceeded)
                .map(d -> ErrorResponses.rateLimited(d.limit())
                        .withHeader("Retry-After", String.valueOf(d.retryAfterSeconds())))
                .orElseGet(() -> dispatch(request, user, table));
        return response.withHeaders(rateHeaders)
                .withHeader("X-Is-Logged-In", "true")
                .withHeader("Set-Cookie", "JSESSIONID=" + Identifiers.sysId().toUpperCase() + "; Path=/; HttpOnly");
    }

    private ApiResponse dispatch(ApiRequest request, UserAccount user, Optional<TablePath> table) {
        try {
            if (table.isPresent()) {
                return tables.handle(request, user, table.get());
            }
            Optional<String> statsTable = StatsEndpoint.table(request.path());
            if (statsTable.isPresent()) {
                return stats.handle(request, user, statsTable.get());
            }
            return ErrorResponses.unknownResource();
        } catch (ApiException e) {
            return e.response();
        }
    }

    /** Consumes the one-shot switches in a fixed order: fail, then rate-limit, then random errors. */
    private Optional<ApiResponse> injectedFault() {
        OptionalInt failure = faults.takeFailNext();
        if (failure.isPresent()) {
            return Optional.of(injected(failure.getAsInt(), 0));
        }
        OptionalInt retryAfter = faults.takeRateLimit();
        if (retryAfter.isPresent()) {
            return Optional.of(injected(429, retryAfter.getAsInt()));
        }
        OptionalInt random = faults.takeRandomError();
        return random.isPresent() ? Optional.of(injected(random.getAsInt(), 0)) : Optional.empty();
    }

    private ApiResponse injected(int status, int retryAfterSeconds) {
        return switch (status) {
            case 401 -> ErrorResponses.notAuthenticated();
            case 429 -> {
                int limit = rateLimiter.requestsPerHour() > 0 ? rateLimiter.requestsPerHour() : NOMINAL_LIMIT;
                ApiResponse limited = ErrorResponses.rateLimited(limit);
                yield retryAfterSeconds > 0
                        ? limited.withHeader("Retry-After", String.valueOf(retryAfterSeconds)) : limited;
            }
            default -> ErrorResponses.injected(status, faults.htmlErrorBodies());
        };
    }
}
