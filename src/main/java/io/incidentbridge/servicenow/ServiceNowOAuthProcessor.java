package io.incidentbridge.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.errors.HttpFailureClassifier;
import io.incidentbridge.errors.TransientFailure;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Owns the OAuth session with ServiceNow. Password grant first; refresh-token grant shortly before
 * the access token expires; password grant again when the refresh token is refused. One lock means
 * at most one token request is in flight however many routes want a token: the others wait and reuse it.
 * As a Camel processor it makes sure a usable token exists before a route starts writing. Token requests go
 * through the route {@code direct:servicenow-token} to the instance's http endpoint; the client secret and the
 * password travel in the form body only.
 */
@Component("serviceNowOAuth")
public class ServiceNowOAuthProcessor implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceNowOAuthProcessor.class);

    private final BridgeProperties.ServiceNow settings;
    private final ProducerTemplate camel;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ReentrantLock grantLock = new ReentrantLock();
    private volatile ServiceNowToken current;

    public ServiceNowOAuthProcessor(BridgeProperties properties, ProducerTemplate camel, ObjectMapper json,
                                    Clock clock, MeterRegistry meters) {
        this.settings = properties.servicenow();
        this.camel = camel;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        // Shown at zero from the start, so an alert on their increase sees the first failure.
        meters.counter("bridge.servicenow.token.failures", "grant", "password");
        meters.counter("bridge.servicenow.token.failures", "grant", "refresh_token");
    }

    @Override
    public void process(Exchange exchange) {
        if (settings.auth() == BridgeProperties.ServiceNow.Auth.OAUTH) {
            accessToken();
        }
    }

    /** A token that stays valid for at least the configured skew. */
    public String accessToken() {
        return token().accessToken();
    }

    ServiceNowToken token() {
        ServiceNowToken token = current;
        if (token != null && fresh(token)) {
            return token;
        }
        grantLock.lock();
        try {
            token = current;
            if (token == null || !fresh(token)) {
                current = obtain(token);
                token = current;
            }
            return token;
        } finally {
            grantLock.unlock();
        }
    }

    /**
     * ServiceNow refused {@code rejected} (expired early, revoked). Drop it so the next caller
     * refreshes; if another thread already replaced it, there is nothing to do.
     */
    public void rejected(String rejected) {
        grantLock.lock();
        try {
            ServiceNowToken token = current;
            if (token != null && token.accessToken().equals(rejected)) {
                current = token.expired();
            }
        } finally {
            grantLock.unlock();
        }
    }

    private boolean fresh(ServiceNowToken token) {
        return token.freshAt(clock.instant());
    }

    private ServiceNowToken obtain(ServiceNowToken previous) {
        if (previous != null && previous.refreshToken() != null && !previous.refreshToken().isEmpty()) {
            try {
                return grant("refresh_token", Map.of("refresh_token", previous.refreshToken()));
            } catch (TransientFailure refused) {
                LOG.info("ServiceNow refused the refresh token ({}); logging in again with the password grant", refused.getMessage());
            }
        }
        return grant("password", Map.of(
                "username", settings.username(),
                "password", settings.password().reveal()));
    }

    private ServiceNowToken grant(String grantType, Map<String, String> grantFields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", grantType);
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret().reveal());
        form.putAll(grantFields);
        meters.counter("bridge.servicenow.token.requests", "grant", grantType).increment();
        Exchange answer = camel.send(ServiceNowCalls.TOKEN_ROUTE, exchange -> {
            exchange.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
            exchange.getIn().setHeader(Exchange.HTTP_PATH, "/oauth_token.do");
            exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded");
            exchange.getIn().setHeader("Accept", "application/json");
            exchange.getIn().setBody(formBody(form));
        });
        if (answer.getException() != null) {
            meters.counter("bridge.servicenow.token.failures", "grant", grantType).increment();
            throw HttpFailureClassifier.fromCall("ServiceNow", "POST /oauth_token.do", answer.getException());
        }
        int status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status != 200) {
            meters.counter("bridge.servicenow.token.failures", "grant", grantType).increment();
            // ServiceNow says only "access_denied" for every cause; the instance's system log has the detail.
            throw TransientFailure.loginRefused("ServiceNow refused the " + grantType + " grant (HTTP " + status
                    + "): check SERVICENOW_CLIENT_ID/SECRET, SERVICENOW_USERNAME/PASSWORD and that the user is not locked");
        }
        return parse(answer.getMessage().getBody(String.class));
    }

    private ServiceNowToken parse(String body) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            long expiresIn = node.path("expires_in").asLong(0);
            if (!node.hasNonNull("access_token") || expiresIn <= 0) {
                throw new TransientFailure("ServiceNow token answer lacks access_token or expires_in");
            }
            return ServiceNowToken.issued(node.get("access_token").asText(), node.path("refresh_token").asText(""),
                    clock.instant(), Duration.ofSeconds(expiresIn), settings.tokenRefreshSkew());
        } catch (IOException e) {
            throw new TransientFailure("ServiceNow token answer is not JSON", e);
        }
    }

    private static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
