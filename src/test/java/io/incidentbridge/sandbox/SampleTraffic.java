package io.incidentbridge.sandbox;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbridge.backsync.IncidentAssignment;
import io.incidentbridge.emulator.incidentio.IncidentIoEmulator;
import io.incidentbridge.emulator.incidentio.IncidentSpec;
import io.incidentbridge.emulator.incidentio.WebhookSender;
import io.incidentbridge.emulator.servicenow.ServiceNowEmulator;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few incidents' lives, told through signed webhooks, then an edit in ServiceNow that flows back through the callback
 * rule, and what ServiceNow holds at the end.
 */
final class SampleTraffic {
    private static final Logger LOG = LoggerFactory.getLogger(SampleTraffic.class);
    private static final String CREATED = "public_incident.incident_created_v2";
    private static final String UPDATED = "public_incident.incident_updated_v2";
    private static final String STATUS = "public_incident.incident_status_updated_v2";

    private final IncidentIoEmulator incidentIo;
    private final ServiceNowEmulator serviceNow;
    private final WebhookSender webhooks;

    SampleTraffic(IncidentIoEmulator incidentIo, ServiceNowEmulator serviceNow, WebhookSender webhooks) {
        this.incidentIo = incidentIo;
        this.serviceNow = serviceNow;
        this.webhooks = webhooks;
    }

    void play() {
        String checkout = incidentIo.createIncident(IncidentSpec.of("Checkout payments failing")
                .withSummary("Card payments time out at the payment provider.").withSeverity("Critical")).path("id").asText();
        String search = incidentIo.createIncident(IncidentSpec.of("Search results are stale")
                .withSummary("The indexer is behind by 20 minutes.").withSeverity("Minor")).path("id").asText();
        send(CREATED, checkout);
        send(CREATED, search);
        waitForRecords(2);

        incidentIo.updateIncident(checkout, i -> i.put("name", "Checkout payments failing in the EU"));
        send(UPDATED, checkout);
        incidentIo.setStatus(search, "Paused");
        send(UPDATED, search);
        pause();
        incidentIo.setStatus(checkout, "Documenting");
        send(STATUS, checkout);
        pause();

        // A service desk agent resolves the paused incident in ServiceNow; the business rule tells the bridge.
        String searchRecord = serviceNow.find("incident", "correlation_id=" + search).get(0).get("sys_id");
        serviceNow.update("incident", searchRecord, Map.of("state", "6", "close_code", "Solution provided",
                "close_notes", "Indexer restarted with more memory.", "work_notes", "Index caught up at 10:42."), "beth.anglin");
        await().atMost(Duration.ofSeconds(30)).until(() -> "learning".equals(
                incidentIo.incident(search).path("incident_status").path("category").asText()));
        pause();
        JsonNode back = incidentIo.incident(search);
        LOG.info("Sandbox: incident.io {} is now {} after the ServiceNow edit; ServiceNow notes: {}", back.path("reference").asText(),
                back.path("incident_status").path("name").asText(), IncidentAssignment.shown(back, "ServiceNow notes"));

        for (Map<String, String> record : serviceNow.records("incident")) {
            LOG.info("Sandbox: ServiceNow {} \"{}\" state={} impact={} urgency={} priority={} close_code={}",
                    record.get("number"), record.get("short_description"), record.get("state"), record.get("impact"),
                    record.get("urgency"), record.get("priority"), record.get("close_code"));
        }
        LOG.info("Sandbox: the bridge keeps running; send your own webhooks or press Ctrl-C to stop.");
    }

    private void send(String type, String incidentId) {
        int status = webhooks.send(incidentIo.webhookBody(type, incidentId)).finalStatus();
        LOG.info("Sandbox: sent {} for {} -> HTTP {}", type, incidentIo.incident(incidentId).path("reference").asText(), status);
    }

    private void waitForRecords(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> serviceNow.records("incident").stream()
                .filter(r -> "incident.io".equals(r.get("correlation_display"))).count() >= count);
    }

    /** Paces the story so that the log reads in the order things happened. */
    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
