package io.incidentbridge.incidentio;

import io.incidentbridge.config.BridgeProperties;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * The one http endpoint for the incident.io API, with its own timeouts and a pool sized to the sync concurrency.
 * As a processor it is the {@code authorise-incident-io-call} step: the API key goes in the Authorization header,
 * never in the endpoint URI.
 */
@Component("incidentIoHttp")
public class IncidentIoHttp implements HttpClientConfigurer, org.apache.camel.Processor {
    private final BridgeProperties.IncidentIo settings;
    private final int concurrency;

    public IncidentIoHttp(BridgeProperties properties) {
        this.settings = properties.incidentio();
        this.concurrency = properties.sync().concurrency();
    }

    public String endpointUri() {
        String base = settings.apiUrl().endsWith("/") ? settings.apiUrl().substring(0, settings.apiUrl().length() - 1) : settings.apiUrl();
        return base + "?throwExceptionOnFailure=false&followRedirects=false&copyHeaders=false"
                + "&maxTotalConnections=" + concurrency + "&connectionsPerRoute=" + concurrency
                + "&httpClientConfigurer=#incidentIoHttp";
    }

    @Override
    public void process(Exchange exchange) {
        exchange.getIn().setHeader("Authorization", "Bearer " + settings.apiKey().reveal());
    }

    @Override
    @SuppressWarnings("deprecation") // the per-request connect timeout is what lets each system keep its own
    public void configureHttpClient(HttpClientBuilder client) {
        client.disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().setDefaultRequestConfig(RequestConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeout().toMillis()))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(settings.requestTimeout().toMillis()))
                .setResponseTimeout(Timeout.ofMilliseconds(settings.requestTimeout().toMillis()))
                .setRedirectsEnabled(false)
                .build());
    }
}
