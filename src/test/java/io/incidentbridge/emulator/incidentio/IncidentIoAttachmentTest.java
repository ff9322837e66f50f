package io.incidentbridge.emulator.incidentio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Pinning a ServiceNow record on an incident as an {@code arbitrary_url} attachment (reference b.4). */
class IncidentIoAttachmentTest extends EmulatorTestBase {
    private static final String RECORD_URL = "https://example.service-now.com/nav_to.do?uri=incident.do?sys_id=46d44a5c";
    private final String id = emulator.createIncident(IncidentSpec.of("Checkout failing")).path("id").asText();

    @Test
    void anArbitraryUrlIsPinnedAndAnsweredAsAnExternalResource() {
        ApiClient.Answer created = api.post("/v1/incident_attachments", "{\"incident_id\":\"" + id + "\",\"resource\":"
                + "{\"resource_type\":\"arbitrary_url\",\"external_id\":\"" + RECORD_URL + "\",\"url\":\"" + RECORD_URL
                + "\",\"title\":\"ServiceNow INC0010001\"}}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode attachment = created.json().path("incident_attachment");
        assertThat(attachment.path("incident_id").asText()).isEqualTo(id);
        assertThat(attachment.path("resource").path("resource_type").asText()).isEqualTo("arbitrary_url");
        assertThat(attachment.path("resource").path("permalink").asText()).isEqualTo(RECORD_URL);
        assertThat(attachment.path("resource").path("external_id").asText()).isEqualTo(RECORD_URL);
        assertThat(attachment.path("resource").path("title").asText()).isEqualTo("ServiceNow INC0010001");
        assertThat(emulator.attachments(id)).containsExactly((ObjectNode) attachment);
    }

    @Test
    void attachmentsAreListedByIncidentOrByExternalIdAndType() {
        pin(RECORD_URL);
        pin("https://example.service-now.com/other");

        assertThat(api.get("/v1/incident_attachments?incident_id=" + id).json().path("incident_attachments")).hasSize(2);
        JsonNode byResource = api.get("/v1/incident_attachments?resource_type=arbitrary_url&external_id="
                + URLEncoder.encode(RECORD_URL, StandardCharsets.UTF_8)).json();
        assertThat(byResource.path("incident_attachments")).hasSize(1);
        assertThat(api.get("/v1/incident_attachments").status()).isEqualTo(422);
    }

    @Test
    void anAttachmentWithoutAUrlOrForAnIntegrationThatIsNotInstalledIsRefused() {
        ApiClient.Answer noUrl = api.post("/v1/incident_attachments", "{\"incident_id\":\"" + id
                + "\",\"resource\":{\"resource_type\":\"arbitrary_url\",\"title\":\"x\"}}");
        ApiClient.Answer notAUrl = api.post("/v1/incident_attachments", "{\"incident_id\":\"" + id
                + "\",\"resource\":{\"resource_type\":\"arbitrary_url\",\"url\":\"INC0010001\"}}");
        ApiClient.Answer jira = api.post("/v1/incident_attachments", "{\"incident_id\":\"" + id
                + "\",\"resource\":{\"resource_type\":\"jira_issue\",\"external_id\":\"OPS-1\"}}");
        ApiClient.Answer serviceNowType = api.post("/v1/incident_attachments", "{\"incident_id\":\"" + id
                + "\",\"resource\":{\"resource_type\":\"service_now_incident\",\"external_id\":\"INC0010001\"}}");

        assertThat(noUrl.status()).isEqualTo(422);
        assertThat(noUrl.firstError().path("source").path("field").asText()).isEqualTo("resource.url");
        assertThat(notAUrl.status()).isEqualTo(422);
        assertThat(jira.status()).isEqualTo(422);
        assertThat(serviceNowType.status()).isEqualTo(422);
        assertThat(emulator.attachments(id)).isEmpty();
    }

    @Test
    void anAttachmentForAnUnknownIncidentIsA404AndADeletedOneIsGone() {
        ApiClient.Answer unknown = api.post("/v1/incident_attachments", "{\"incident_id\":\"01HZZZZZZZZZZZZZZZZZZZZZZZ\","
                + "\"resource\":{\"resource_type\":\"arbitrary_url\",\"url\":\"" + RECORD_URL + "\"}}");
        String attachmentId = pin(RECORD_URL).path("id").asText();

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.delete("/v1/incident_attachments/" + attachmentId).status()).isEqualTo(204);
        assertThat(api.delete("/v1/incident_attachments/" + attachmentId).status()).isEqualTo(404);
        assertThat(emulator.attachments(id)).isEmpty();
    }

    private JsonNode pin(String url) {
        return api.post("/v1/incident_attachments", "{\"incident_id\":\"" + id + "\",\"resource\":"
                + "{\"resource_type\":\"arbitrary_url\",\"url\":\"" + url + "\"}}").json().path("incident_attachment");
    }
}
