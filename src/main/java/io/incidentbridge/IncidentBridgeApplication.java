package io.incidentbridge;

import io.incidentbridge.ops.PreflightCheck;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class IncidentBridgeApplication {
    public static void main(String[] args) {
        if (PreflightCheck.requested(args)) {
            // --check: validate settings, mappings and both connections, serve nothing, exit 0 or 1.
            System.exit(PreflightCheck.run(IncidentBridgeApplication.class, args, System.out));
        }
        SpringApplication.run(IncidentBridgeApplication.class, args);
    }
}
