package io.incidentbridge.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.errors.HttpFailureClassifier;
import io.incidentbridge.errors.TransientFailure;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Owns the OAuth session with ServiceNow. Password grant first; refresh-token grant shortly before
 * the access token expires; password grant again when the refresh token is refused. One lock means
 * at most one token request is in flight however many routes want a token: the others wait and reuse it.
 * As a Camel processor it makes sure a usable token exists before a route starts writing.
 */
@Component("serviceNowOAuth")
public class ServiceNowOAuthProcessor implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceNowOAuthProcessor.class);

    private final BridgeProperties.ServiceNow settings;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ReentrantLock grantLock = new ReentrantLock();
    private volatile ServiceNowToken current;

    public ServiceNowOAuthProcessor(BridgeProperties properties, HttpClient http, ObjectMapper json,
                                    Clock clock, MeterRegistry meters) {
        this.settings = properties.servicenow();
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        // Shown at zero from the start, so an alert on their increase sees the first failure.
        meters.counter("bridge.servicenow.token.failures", "grant", "password");
        meters.counter("bridge.servicenow.token.failures", "grant", "refresh_token");
    }

    @Override
    public void process(Exchange exchange) {
        accessToken();
    }

    /** A token that stays valid for at least the configured skew. */
    public String accessToken() {
        ServiceNowToken token = current;
        if (token != null && fresh(token)) {
            return token.accessToken();
        }
        grantLock.lock();
        try {
            token = current;
            if (token == null || !fresh(token)) {
                current = obtain(token);
                token = current;
            }
            return token.accessToken();
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
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/oauth_token.do"))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form)))
                .build();
        meters.counter("bridge.servicenow.token.requests", "grant", grantType).increment();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            meters.counter("bridge.servicenow.token.failures", "grant", grantType).increment();
            throw HttpFailureClassifier.fromIo("ServiceNow", "POST /oauth_token.do", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("interrupted while asking ServiceNow for a token", e);
        }
        if (response.statusCode() != 200) {
            meters.counter("bridge.servicenow.token.failures", "grant", grantType).increment();
            // ServiceNow says only "access_denied" for every cause; the instance's system log has the detail.
            throw TransientFailure.loginRefused("ServiceNow refused the " + grantType + " grant (HTTP " + response.statusCode()
                    + "): check SERVICENOW_CLIENT_ID/SECRET, SERVICENOW_USERNAME/PASSWORD and that the user is not locked");
        }
        return parse(response.body());
    }

    private ServiceNowToken parse(String body) {
        try {
            JsonNode node = json.readTree(body);
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
