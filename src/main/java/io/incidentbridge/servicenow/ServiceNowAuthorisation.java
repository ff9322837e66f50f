package io.incidentbridge.servicenow;

import io.incidentbridge.config.BridgeProperties;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Puts the Authorization header on the exchange just before the ServiceNow endpoint: a Bearer token from the
 * OAuth session (the default), or HTTP Basic with the integration user when {@code bridge.servicenow.auth=basic}.
 * The token it used stays on the exchange (as an object that does not print) so a 401 can drop exactly that one.
 */
@Component("serviceNowAuth")
public class ServiceNowAuthorisation implements Processor {
    static final String TOKEN_USED = "bridge.servicenow.token";

    private final BridgeProperties.ServiceNow settings;
    private final ServiceNowOAuthProcessor oauth;

    public ServiceNowAuthorisation(BridgeProperties properties, ServiceNowOAuthProcessor oauth) {
        this.settings = properties.servicenow();
        this.oauth = oauth;
    }

    @Override
    public void process(Exchange exchange) {
        if (basic()) {
            String pair = settings.username() + ":" + settings.password().reveal();
            exchange.getIn().setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
            return;
        }
        ServiceNowToken token = oauth.token();
        exchange.setProperty(TOKEN_USED, token);
        exchange.getIn().setHeader("Authorization", "Bearer " + token.accessToken());
    }

    /** ServiceNow answered 401 to this exchange: with OAuth, the token it carried is dropped so the replay gets another. */
    public void rejected(Exchange exchange) {
        ServiceNowToken used = exchange.getProperty(TOKEN_USED, ServiceNowToken.class);
        if (used != null) {
            oauth.rejected(used.accessToken());
        }
    }

    public boolean basic() {
        return settings.auth() == BridgeProperties.ServiceNow.Auth.BASIC;
    }
}
