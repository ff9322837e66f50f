package io.incidentbridge.backsync;

import io.incidentbridge.config.BridgeProperties;
import io.incidentbridge.config.BridgeProperties.CallbackAuth;
import io.incidentbridge.config.Secret;
import io.incidentbridge.incidentio.StandardWebhookVerifier;
import io.incidentbridge.webhooks.WebhookRejected;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * ServiceNow callbacks are signed the Standard Webhooks way, as incident.io signs its webhooks, under headers of their
 * own: {@value #ID_HEADER} (a unique message id), {@value #TIMESTAMP_HEADER} (Unix seconds) and {@value #SIGNATURE_HEADER}
 * ({@code v1,<base64 HMAC-SHA256 of id.timestamp.body>}), keyed with a {@code whsec_<base64>} secret from
 * SERVICENOW_CALLBACK_SECRET (several, comma-separated, during rotation). A callback outside the time window, or whose
 * message id was already received ({@link CallbackMessages}), is refused with 401. With
 * {@code bridge.back-sync.callback-auth: bearer} the bridge takes the bearer token of earlier business rules instead,
 * which anyone who saw one callback can replay: it says so in the log at startup.
 */
@Component
public class ServiceNowCallbackVerifier {
    public static final String ID_HEADER = "X-Incident-Bridge-Id";
    public static final String TIMESTAMP_HEADER = "X-Incident-Bridge-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Incident-Bridge-Signature";
    static final StandardWebhookVerifier.Headers HEADERS = new StandardWebhookVerifier.Headers(ID_HEADER, TIMESTAMP_HEADER,
            SIGNATURE_HEADER, "SERVICENOW_CALLBACK_SECRET");
    private static final Logger LOG = LoggerFactory.getLogger(ServiceNowCallbackVerifier.class);

    private final CallbackAuth mode;
    private final StandardWebhookVerifier signatures;
    private final List<byte[]> bearerTokens;
    private final CallbackMessages messages;

    public ServiceNowCallbackVerifier(BridgeProperties properties, Clock clock, CallbackMessages messages) {
        Secret secrets = properties.webhooks().serviceNowCallbackSecret();
        this.mode = properties.backSync().callbackAuth();
        this.messages = messages;
        this.bearerTokens = Arrays.stream(secrets.reveal().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        if (mode == CallbackAuth.BEARER) {
            this.signatures = null;
            LOG.warn("bridge.back-sync.callback-auth is bearer: ServiceNow callbacks are accepted on the bearer token alone, "
                    + "which anyone who sees one callback can replay for ever. Install the signing business rule "
                    + "(docs/servicenow-callbacks.md) and remove the setting.");
        } else {
            this.signatures = new StandardWebhookVerifier(HEADERS, secrets, properties.webhooks().timestampTolerance(), clock);
        }
        if (bearerTokens.isEmpty()) {
            LOG.warn("SERVICENOW_CALLBACK_SECRET is not set: every ServiceNow callback will be refused with 401");
        }
    }

    public void verify(@Header(ID_HEADER) String id, @Header(TIMESTAMP_HEADER) String timestamp,
                       @Header(SIGNATURE_HEADER) String signature, @Header("Authorization") String authorization,
                       @Body byte[] body) {
        if (mode == CallbackAuth.BEARER) {
            bearer(authorization);
            return;
        }
        signatures.verify(id, timestamp, signature, body);
        if (id.length() > 200 || !messages.firstTime(id.trim())) {
            throw new WebhookRejected(401, ID_HEADER + " was already received: a callback is accepted once");
        }
    }

    private void bearer(String authorization) {
        if (bearerTokens.isEmpty()) {
            throw new WebhookRejected(401, "no callback secret is configured (SERVICENOW_CALLBACK_SECRET)");
        }
        String prefix = "Bearer ";
        if (authorization != null && authorization.startsWith(prefix)) {
            byte[] offered = authorization.substring(prefix.length()).trim().getBytes(StandardCharsets.UTF_8);
            boolean match = false;
            for (byte[] token : bearerTokens) {
                match |= MessageDigest.isEqual(token, offered);
            }
            if (match) {
                return;
            }
        }
        throw new WebhookRejected(401, "missing or wrong bearer token");
    }
}
