package io.incidentbridge.sandbox;

import io.incidentbridge.IncidentBridgeApplication;
import io.incidentbridge.emulator.incidentio.IncidentIoEmulator;
import io.incidentbridge.emulator.incidentio.WebhookSender;
import io.incidentbridge.emulator.servicenow.CallbackTarget;
import io.incidentbridge.emulator.servicenow.ServiceNowEmulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the README's run command starts. With a ServiceNow instance configured (SERVICENOW_INSTANCE_URL or
 * SERVICENOW_SUBDOMAIN) it is simply the bridge. Without one it is a self-contained sandbox: both emulators,
 * an in-memory H2, the bridge, and a little signed sample traffic both ways, so anyone can watch it work.
 */
public final class SandboxApplication {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxApplication.class);

    private SandboxApplication() {
    }

    public static void main(String[] args) throws Exception {
        if (configured("SERVICENOW_INSTANCE_URL") || configured("SERVICENOW_SUBDOMAIN")) {
            IncidentBridgeApplication.main(args);
            return;
        }
        ServiceNowEmulator serviceNow = ServiceNowEmulator.start(port("SANDBOX_SERVICENOW_PORT", 18081));
        IncidentIoEmulator incidentIo = IncidentIoEmulator.start(port("SANDBOX_INCIDENTIO_PORT", 18082));
        String secret = WebhookSender.newSecret();
        String callbackSecret = WebhookSender.newSecret();
        EmulatorEnvironment.pointBridgeAt(serviceNow, incidentIo, secret, callbackSecret);
        if (!configured("BRIDGE_ADMIN_PASSWORD")) {
            // The sandbox holds no real data: a throwaway admin login lets its user explore the admin API and Hawtio.
            String password = java.util.UUID.randomUUID().toString().substring(0, 12);
            System.setProperty("BRIDGE_ADMIN_USER", "admin");
            System.setProperty("BRIDGE_ADMIN_PASSWORD", password);
            LOG.info("Sandbox: log in to http://localhost:8080/actuator/hawtio and /api with admin / {}", password);
        }
        if (!configured("BRIDGE_DB_URL")) {
            System.setProperty("BRIDGE_DB_URL", "jdbc:h2:mem:sandbox;DB_CLOSE_DELAY=-1");
        }
        LOG.info("Sandbox: ServiceNow emulator at {}, incident.io emulator at {}", serviceNow.baseUrl(), incidentIo.baseUrl());
        if (io.incidentbridge.ops.PreflightCheck.requested(args)) {
            // --check against the emulators: what a first install would be told.
            System.exit(io.incidentbridge.ops.PreflightCheck.run(IncidentBridgeApplication.class, args, System.out));
        }
        ConfigurableApplicationContext bridge = SpringApplication.run(IncidentBridgeApplication.class, args);
        String port = bridge.getEnvironment().getProperty("local.server.port");
        // The emulator plays the business rule a ServiceNow admin installs (servicenow/), so edits flow back.
        serviceNow.callbackRule().install(CallbackTarget.of("http://127.0.0.1:" + port + "/webhooks/servicenow", callbackSecret));
        new SampleTraffic(incidentIo, serviceNow, new WebhookSender("http://127.0.0.1:" + port + "/webhooks/incident-io", secret))
                .play();
    }

    private static boolean configured(String name) {
        String value = System.getenv(name);
        return value != null && !value.isBlank();
    }

    private static int port(String name, int fallback) {
        return configured(name) ? Integer.parseInt(System.getenv(name)) : fallback;
    }
}
