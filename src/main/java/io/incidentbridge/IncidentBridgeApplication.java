package io.incidentbridge;

import io.incidentbridge.ops.PreflightCheck;
import org.apache.camel.spring.boot.cloud.CamelCloudAutoConfiguration;
import org.apache.camel.spring.boot.cloud.CamelCloudServiceCallConfigurationAutoConfiguration;
import org.apache.camel.spring.boot.cloud.CamelCloudServiceChooserAutoConfiguration;
import org.apache.camel.spring.boot.cloud.CamelCloudServiceDiscoveryAutoConfiguration;
import org.apache.camel.spring.boot.cloud.CamelCloudServiceFilterAutoConfiguration;
import org.apache.camel.spring.boot.vault.AwsVaultAutoConfiguration;
import org.apache.camel.spring.boot.vault.AzureVaultAutoConfiguration;
import org.apache.camel.spring.boot.vault.CyberArkVaultAutoConfiguration;
import org.apache.camel.spring.boot.vault.GcpVaultAutoConfiguration;
import org.apache.camel.spring.boot.vault.HashicorpVaultAutoConfiguration;
import org.apache.camel.spring.boot.vault.IBMVaultAutoConfiguration;
import org.apache.camel.spring.boot.vault.KubernetesConfigMapVaultAutoConfiguration;
import org.apache.camel.spring.boot.vault.KubernetesVaultAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.endpoint.jmx.JmxEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.sql.init.SqlInitializationAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.websocket.servlet.WebSocketServletAutoConfiguration;

/**
 * The bridge. Auto-configurations that match the class path but serve nothing the bridge does are left out, so they
 * cost no startup: Camel's secret vaults and its (deprecated) cloud service call, WebSockets (neither Hawtio nor any
 * page uses them), the actuator endpoints as JMX MBeans (Jolokia's policy does not let Hawtio read them; the web
 * endpoints stay), Spring's RestClient and RestTemplate builders (every call out is a Camel endpoint) and SQL script
 * initialisation (Flyway owns the schema).
 */
@SpringBootApplication(exclude = {
        AwsVaultAutoConfiguration.class, AzureVaultAutoConfiguration.class, CyberArkVaultAutoConfiguration.class,
        GcpVaultAutoConfiguration.class, HashicorpVaultAutoConfiguration.class, IBMVaultAutoConfiguration.class,
        KubernetesConfigMapVaultAutoConfiguration.class, KubernetesVaultAutoConfiguration.class,
        CamelCloudAutoConfiguration.class, CamelCloudServiceCallConfigurationAutoConfiguration.class,
        CamelCloudServiceChooserAutoConfiguration.class, CamelCloudServiceDiscoveryAutoConfiguration.class,
        CamelCloudServiceFilterAutoConfiguration.class,
        WebSocketServletAutoConfiguration.class, JmxEndpointAutoConfiguration.class,
        RestClientAutoConfiguration.class, RestTemplateAutoConfiguration.class, SqlInitializationAutoConfiguration.class})
public class IncidentBridgeApplication {
    public static void main(String[] args) {
        if (PreflightCheck.requested(args)) {
            // --check: validate settings, mappings and both connections, serve nothing, exit 0 or 1.
            System.exit(PreflightCheck.run(IncidentBridgeApplication.class, args, System.out));
        }
        SpringApplication.run(IncidentBridgeApplication.class, args);
    }
}
