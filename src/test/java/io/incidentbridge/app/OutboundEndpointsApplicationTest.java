package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.emulator.incidentio.IncidentIoEmulator;
import io.incidentbridge.emulator.servicenow.ServiceNowEmulator;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

/**
 * After a sync, Camel's endpoint registry (as Jolokia and Hawtio see it) has one http endpoint for the ServiceNow
 * instance and one for incident.io, each with its call statistics, and no secret in any endpoint's URI or attribute.
 */
class OutboundEndpointsApplicationTest extends BridgeApplicationTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void jolokiaListsOneHttpEndpointPerSystemWithoutSecrets() throws Exception {
        warmUp();
        NotifyBuilder oneCallEach = new NotifyBuilder(camel).fromRoute("servicenow-table-api-call").whenCompleted(1)
                .and().fromRoute("incident-io-api-call").whenCompleted(1).create();
        String id = newIncident("Seen by Camel").path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        assertThat(oneCallEach.matches(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        awaitServiceNowIncident(id, java.util.Map.of("short_description", "Seen by Camel"));

        HttpResponse<String> search = new AdminClient(port).call("GET",
                "/actuator/jolokia/search/org.apache.camel:type=endpoints,*", ADMIN_USER, ADMIN_PASSWORD);
        assertThat(search.statusCode()).isEqualTo(200);
        List<String> endpoints = new ArrayList<>();
        json.readTree(search.body()).path("value").forEach(name -> endpoints.add(name.asText()));

        String serviceNow = SERVICENOW.baseUrl().replaceFirst("^http://", "");
        String incidentIo = INCIDENTIO.baseUrl().replaceFirst("^http://", "");
        assertThat(endpoints.stream().filter(n -> n.contains("http://" + serviceNow))).hasSize(1);
        assertThat(endpoints.stream().filter(n -> n.contains("http://" + incidentIo))).hasSize(1);

        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        for (String name : endpoints) {
            ObjectName endpoint = new ObjectName(name);
            StringBuilder seen = new StringBuilder(name);
            for (MBeanAttributeInfo attribute : jmx.getMBeanInfo(endpoint).getAttributes()) {
                if (attribute.isReadable()) {
                    seen.append(' ').append(readQuietly(jmx, endpoint, attribute.getName()));
                }
            }
            assertThat(seen.toString()).as(name)
                    .doesNotContain(ServiceNowEmulator.PASSWORD).doesNotContain(ServiceNowEmulator.CLIENT_SECRET)
                    .doesNotContain(IncidentIoEmulator.API_KEY).doesNotContain(WEBHOOK_SECRET).doesNotContain(CALLBACK_SECRET)
                    .doesNotContain("Bearer").doesNotContain("Basic ");
        }

        HttpResponse<String> routes = new AdminClient(port).call("GET",
                "/actuator/jolokia/read/org.apache.camel:context=*,type=routes,name=%22servicenow-table-api-call%22/ExchangesCompleted",
                ADMIN_USER, ADMIN_PASSWORD);
        JsonNode completed = json.readTree(routes.body()).path("value");
        assertThat(completed.toString()).as(routes.body()).matches(".*:[1-9][0-9]*.*");
    }

    private static String readQuietly(MBeanServer jmx, ObjectName name, String attribute) {
        try {
            return String.valueOf(jmx.getAttribute(name, attribute));
        } catch (Exception unreadable) {
            return "";
        }
    }
}
