package io.incidentbridge.bench;

import io.incidentbridge.IncidentBridgeApplication;
import io.incidentbridge.cmdb.CmdbImport;
import io.incidentbridge.cmdb.CmdbImportSummary;
import io.incidentbridge.emulator.incidentio.IncidentIoEmulator;
import io.incidentbridge.emulator.incidentio.WebhookSender;
import io.incidentbridge.emulator.servicenow.ServiceNowEmulator;
import io.incidentbridge.sandbox.EmulatorEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Imports 20,000 CMDB services into the incident.io catalog and prints duration, writes and heap. Run with
 * {@code ./mvnw spring-boot:test-run -Dbridge.run.main-class=io.incidentbridge.bench.CmdbImportBenchmark}.
 * The emulators' rate limit is lifted: this measures the bridge, not incident.io's 1,200 requests a minute.
 */
public final class CmdbImportBenchmark {
    private static final int CIS = 20_000;
    private static final DateTimeFormatter SERVICENOW_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CmdbImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "benchmark", UUID.randomUUID().toString()));
        try (ServiceNowEmulator serviceNow = ServiceNowEmulator.start(); IncidentIoEmulator incidentIo = IncidentIoEmulator.start()) {
            incidentIo.rateLimitPerMinute(10_000_000);
            for (int i = 0; i < CIS; i++) {
                String updated = LocalDateTime.of(2025, 1, 1, 0, 0).plusSeconds(i * 60L).format(SERVICENOW_TIME);
                serviceNow.insert("cmdb_ci_service", Map.of("name", "Benchmark service " + i, "install_status", "1",
                        "sys_updated_on", updated, "sys_created_on", updated));
            }
            EmulatorEnvironment.pointBridgeAt(serviceNow, incidentIo, WebhookSender.newSecret());
            System.setProperty("BRIDGE_DB_URL", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("bridge") + ";WRITE_DELAY=0");
            System.setProperty("SERVER_PORT", "0");
            System.setProperty("logging.level.io.incidentbridge", "WARN");
            try (ConfigurableApplicationContext bridge = SpringApplication.run(IncidentBridgeApplication.class, args)) {
                CmdbImport cmdbImport = bridge.getBean(CmdbImport.class);
                HeapSampler heap = new HeapSampler();
                CmdbImportSummary first = cmdbImport.run();
                long writesFirst = writes(incidentIo);
                CmdbImportSummary second = cmdbImport.run();
                long writesSecond = writes(incidentIo) - writesFirst;
                String heapFigures = heap.report();
                System.out.println();
                System.out.println("CMDB import benchmark: " + CIS + " cmdb_ci_service rows, page size 500");
                System.out.printf("first run:  %s (%.0f CIs/s), catalog writes %d%n", first, CIS * 1000.0 / first.millis(), writesFirst);
                System.out.printf("second run: %s, catalog writes %d%n", second, writesSecond);
                System.out.printf("heap used (whole JVM, both emulators' data included): %s%n", heapFigures);
            }
        }
        System.exit(0);
    }

    private static long writes(IncidentIoEmulator incidentIo) {
        return incidentIo.count("POST", "/v3/catalog_entries") + incidentIo.count("PUT", "/v3/catalog_entries")
                + incidentIo.count("DELETE", "/v3/catalog_entries");
    }
}
