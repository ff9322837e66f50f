package io.incidentbridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class IncidentBridgeApplication {
    public static void main(String[] args) {
        SpringApplication.run(IncidentBridgeApplication.class, args);
    }
}
