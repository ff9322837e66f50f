package io.incidentbridge.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.IncidentBridgeApplication;
import io.incidentbridge.emulator.incidentio.IncidentIoEmulator;
import io.incidentbridge.emulator.incidentio.IncidentSpec;
import io.incidentbridge.emulator.incidentio.WebhookSender;
import io.incidentbridge.emulator.servicenow.ServiceNowEmulator;
import io.incidentbridge.mapping.IncidentMapper;
import io.incidentbridge.reconcile.Reconciler;
import io.incidentbridge.reconcile.ReconciliationRun;
import io.incidentbridge.sandbox.EmulatorEnvironment;
import io.incidentbridge.model.IncidentSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A full reconciliation of 100,000 linked incidents against the emulators: prints duration, incidents per second
 * and heap. The links and ServiceNow records are seeded directly (what 100,000 syncs would have left behind), 1% of
 * the records drifted. Run with
 * {@code ./mvnw spring-boot:test-run -Dbridge.run.main-class=io.incidentbridge.bench.ReconciliationBenchmark -Dspring-boot.run.jvmArguments=-Xmx2g}.
 */
public final class ReconciliationBenchmark {
    private static final int INCIDENTS = Integer.getInteger("incidents", 100_000);

    private ReconciliationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "benchmark", UUID.randomUUID().toString()));
        try (ServiceNowEmulator serviceNow = ServiceNowEmulator.start(); IncidentIoEmulator incidentIo = IncidentIoEmulator.start()) {
            incidentIo.rateLimitPerMinute(100_000_000);
            EmulatorEnvironment.pointBridgeAt(serviceNow, incidentIo, WebhookSender.newSecret());
            System.setProperty("BRIDGE_DB_URL", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("bridge") + ";WRITE_DELAY=0");
            System.setProperty("BRIDGE_RECONCILIATION_ENABLED", "false");
            System.setProperty("SERVER_PORT", "0");
            System.setProperty("logging.level.io.incidentbridge", "WARN");
            try (ConfigurableApplicationContext bridge = SpringApplication.run(IncidentBridgeApplication.class, args)) {
                long seeded = seed(serviceNow, incidentIo, bridge.getBean(IncidentMapper.class), bridge.getBean(JdbcTemplate.class));
                Reconciler reconciler = bridge.getBean(Reconciler.class);
                HeapSampler heap = new HeapSampler();
                ReconciliationRun dry = reconciler.run(true, true);
                String heapFigures = heap.report();
                System.out.println();
                System.out.println("Reconciliation benchmark: " + INCIDENTS + " linked incidents (seeded in " + seeded + " ms), 1% drifted");
                System.out.printf("full dry run: checked %d, would repair %d, would create %d, deleted links %d, failed %d in %d ms = %.0f incidents/s%n",
                        dry.checked(), dry.repaired(), dry.created(), dry.deletedLinks(), dry.failed(), dry.durationMillis(),
                        dry.checked() * 1000.0 / Math.max(1, dry.durationMillis()));
                System.out.printf("heap used (whole JVM, both emulators' 2 x %d records included): %s%n", INCIDENTS, heapFigures);
            }
        }
        System.exit(0);
    }

    /** What 100,000 successful syncs leave behind: incidents, ServiceNow records, links. */
    private static long seed(ServiceNowEmulator serviceNow, IncidentIoEmulator incidentIo, IncidentMapper mapper, JdbcTemplate jdbc) {
        long started = System.currentTimeMillis();
        List<Object[]> links = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < INCIDENTS; i++) {
            ObjectNode incident = incidentIo.createIncident(IncidentSpec.of("Reconcile " + i));
            String id = incident.path("id").asText();
            Map<String, String> fields = mapper.map(new IncidentSnapshot(id, OffsetDateTime.parse(incident.path("updated_at").asText()),
                    incident)).fields();
            Map<String, String> stored = new HashMap<>(fields);
            if (i % 100 == 0) {
                stored.put("short_description", "Drifted " + i);
            }
            String sysId = serviceNow.insert("incident", stored);
            links.add(new Object[] {"INCIDENT", id, incident.path("reference").asText(), id, "incident", sysId, "INC" + i,
                    toJson(fields), incident.path("updated_at").asText(), now, true});
            if (links.size() == 1000) {
                insert(jdbc, links);
            }
        }
        insert(jdbc, links);
        return System.currentTimeMillis() - started;
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> links) {
        jdbc.batchUpdate("INSERT INTO record_link (kind, source_id, source_reference, incident_id, sn_table, sn_sys_id, sn_number,"
                + " synced_fields, source_updated_at, synced_at, link_pinned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", links);
        links.clear();
    }

    private static String toJson(Map<String, String> fields) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(new TreeMap<>(fields));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
