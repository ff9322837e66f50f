package io.incidentbridge.errors;

import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.mapping.MappingVersions;
import io.incidentbridge.webhooks.WebhookRejected;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The bridge's one error policy, declared here and nowhere else. Routes name the part that fits them
 * with {@code routeConfigurationId}; none declares its own handler.
 * <ul>
 *   <li>{@code webhook-edge-policy}: a rejected webhook gets its 4xx; failing to store one gets 503 so the sender retries.</li>
 *   <li>{@code sync-error-policy}: transient failures are redelivered in memory with exponential backoff and
 *       jitter, then wait durably in the inbox; 429s wait in the inbox for Retry-After; everything else is a dead letter.</li>
 *   <li>{@code admin-api-policy}: 404 for what does not exist, 400 for a bad request, 409 when busy, 500 otherwise,
 *       each with {"error": reason}; a mapping that does not hold adds its errors (file, line, column), a save over a
 *       mapping version no longer in force (409) the version in force now.</li>
 *   <li>{@code poll-error-policy}: a failed poll is logged and the next poll tries again.</li>
 *   <li>{@code outbound-call-policy}: a call to ServiceNow or incident.io is tried once; its typed failure goes back
 *       to the caller, whose own policy decides (the sync's redelivery, the poll's next run, the admin answer).</li>
 * </ul>
 */
@Component
public class BridgeErrorPolicy extends RouteConfigurationBuilder {
    public static final String WEBHOOK_EDGE = "webhook-edge-policy";
    public static final String SYNC = "sync-error-policy";
    public static final String POLL = "poll-error-policy";
    public static final String ADMIN = "admin-api-policy";
    public static final String OUTBOUND = "outbound-call-policy";

    private final BridgeProperties.Retry retry;

    public BridgeErrorPolicy(BridgeProperties properties) {
        this.retry = properties.retry();
    }

    @Override
    public void configuration() {
        routeConfiguration(WEBHOOK_EDGE)
                .onException(WebhookRejected.class).handled(true)
                    .bean("webhookAnswers", "rejected").end()
                .onException(Exception.class).handled(true)
                    .bean("webhookAnswers", "unavailable").end();

        routeConfiguration(SYNC)
                .onException(RateLimitedFailure.class).handled(true)
                    .bean("inboxOutcomes", "retryLater").end()
                .onException(TransientFailure.class).handled(true)
                    .maximumRedeliveries(retry.inMemoryAttempts())
                    .redeliveryDelay(retry.initialDelay().toMillis())
                    .useExponentialBackOff().backOffMultiplier(retry.multiplier())
                    .useCollisionAvoidance()
                    .maximumRedeliveryDelay(Math.min(retry.maxDelay().toMillis(), 5_000))
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                    .bean("inboxOutcomes", "retryLater").end()
                .onException(Exception.class).handled(true).useOriginalMessage()
                    .bean("inboxOutcomes", "deadLetter").end();

        routeConfiguration(ADMIN)
                .onException(MappingVersions.Invalid.class).handled(true)
                    .bean("adminAnswers", "invalidMapping").end()
                .onException(MappingVersions.Stale.class).handled(true)
                    .bean("adminAnswers", "staleMapping").end()
                .onException(NotFound.class).handled(true)
                    .bean("adminAnswers", "notFound").end()
                .onException(com.fasterxml.jackson.core.JacksonException.class).handled(true)
                    .bean("adminAnswers", "malformed").end()
                .onException(IllegalArgumentException.class).handled(true)
                    .bean("adminAnswers", "badRequest").end()
                .onException(IllegalStateException.class).handled(true)
                    .bean("adminAnswers", "conflict").end()
                .onException(Exception.class).handled(true)
                    .bean("adminAnswers", "failed").end();

        routeConfiguration(OUTBOUND)
                .onException(Exception.class).handled(false).maximumRedeliveries(0)
                    // Not logged here: the caller's policy decides what the failure means, and logs it once.
                    .logExhausted(false).logRetryAttempted(false).end();

        routeConfiguration(POLL)
                .onException(Exception.class).handled(true)
                    .log(LoggingLevel.WARN, "Poll failed, the next one will try again: ${exception.message}").end();
    }
}
