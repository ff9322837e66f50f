package io.incidentbridge.servicenow;

import io.incidentbridge.config.BridgeProperties;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * The one http endpoint for the ServiceNow instance: the Table API and /oauth_token.do are paths on it, so
 * Camel's registry (and Hawtio) shows one endpoint with the statistics of every call. Its URI names the
 * instance and the client's settings only; credentials travel in headers and bodies, never in the URI.
 */
@Component("serviceNowHttp")
public class ServiceNowHttp implements HttpClientConfigurer {
    private final BridgeProperties.ServiceNow settings;
    private final int concurrency;

    public ServiceNowHttp(BridgeProperties properties) {
        this.settings = properties.servicenow();
        this.concurrency = properties.sync().concurrency();
    }

    /** The endpoint every ServiceNow route sends to; the path and query of each call come in headers. */
    public String endpointUri() {
        return settings.baseUrl() + "?throwExceptionOnFailure=false&followRedirects=false&copyHeaders=false"
                + "&maxTotalConnections=" + concurrency + "&connectionsPerRoute=" + concurrency
                + "&httpClientConfigurer=#serviceNowHttp";
    }

    @Override
    public void configureHttpClient(HttpClientBuilder client) {
        client.disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .setDefaultRequestConfig(requestConfig(settings.connectTimeout().toMillis(), settings.requestTimeout().toMillis()));
    }

    @SuppressWarnings("deprecation") // the per-request connect timeout is what lets each system keep its own
    static RequestConfig requestConfig(long connectMillis, long responseMillis) {
        return RequestConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(connectMillis))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(responseMillis))
                .setResponseTimeout(Timeout.ofMilliseconds(responseMillis))
                .setRedirectsEnabled(false)
                .build();
    }
}
