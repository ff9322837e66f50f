package io.incidentbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * SERVICENOW_INSTANCE_URL=http://... would send the password grant in clear text: the bridge's settings refuse it at
 * startup, naming the setting, unless the host is loopback or bridge.servicenow.allow-insecure-http is set.
 */
class PlainHttpGuardTest {
    private final ApplicationContextRunner bridge = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Configuration
    @EnableConfigurationProperties(BridgeProperties.class)
    @Import(SecretConverter.class)
    static class Settings {
    }

    @Test
    void plainHttpToAnotherHostStopsTheStartWithAMessageNamingTheSetting() {
        bridge.withPropertyValues("bridge.servicenow.instance-url=http://acme.service-now.com").run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootMessage(context.getStartupFailure()))
                    .contains("SERVICENOW_INSTANCE_URL is plain http://")
                    .contains("bridge.servicenow.allow-insecure-http");
        });
        bridge.withPropertyValues("bridge.servicenow.instance-url=HTTP://10.0.0.5:8080/").run(context ->
                assertThat(context).hasFailed());
    }

    @Test
    void httpsLoopbackOrTheExplicitSwitchStart() {
        for (String url : new String[] {"https://acme.service-now.com", "http://127.0.0.1:18081", "http://localhost:8080",
                "http://[::1]:8080"}) {
            bridge.withPropertyValues("bridge.servicenow.instance-url=" + url).run(context ->
                    assertThat(context).as(url).hasNotFailed());
        }
        bridge.withPropertyValues("bridge.servicenow.subdomain=acme").run(context -> assertThat(context).hasNotFailed());
        bridge.withPropertyValues("bridge.servicenow.instance-url=http://acme.internal",
                "bridge.servicenow.allow-insecure-http=true").run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void onlyLiteralLoopbackAddressesCountAsLoopback() {
        assertThat(PlainHttpGuard.permits("http://127.1.2.3/", false)).isTrue();
        assertThat(PlainHttpGuard.permits("http://localhost.evil.example/", false)).isFalse();
        assertThat(PlainHttpGuard.permits("http://127.0.0.1.nip.io/", false)).isFalse();
        assertThat(PlainHttpGuard.permits("http://0.0.0.0/", false)).isFalse();
        assertThat(PlainHttpGuard.permits("http://[::ffff:10.0.0.1]/", false)).isFalse();
        assertThat(PlainHttpGuard.permits("https://10.0.0.1/", false)).isTrue();
    }

    private static String rootMessage(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
