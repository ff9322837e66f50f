package io.incidentbridge.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Posts ServiceNow callbacks to the bridge as the business rule in servicenow/ sends them. */
final class CallbackPoster {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;
    private final String secret;

    CallbackPoster(int port, String secret) {
        this.url = "http://127.0.0.1:" + port + "/webhooks/servicenow";
        this.secret = secret;
    }

    /** The callback the business rule sends for the incident record as it is now (no journal entries). */
    static String body(Map<String, String> record) {
        return body("incident", record);
    }

    static String body(String table, Map<String, String> record) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("table", table).put("sys_id", record.get("sys_id"))
                .put("number", record.get("number")).put("sys_updated_on", record.get("sys_updated_on"))
                .put("sys_updated_by", record.get("sys_updated_by")).put("sys_mod_count", record.get("sys_mod_count"));
        ObjectNode values = body.putObject("values");
        record.forEach(values::put);
        body.putArray("journal");
        return body.toString();
    }

    HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + secret).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
