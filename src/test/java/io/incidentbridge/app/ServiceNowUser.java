package io.incidentbridge.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.emulator.servicenow.ServiceNowEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A person working in ServiceNow: signs in with their own credentials and edits records through the Table API,
 * so the change is theirs (sys_updated_by, journal authors) and fires the business rules as a real edit does.
 */
final class ServiceNowUser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String userName;
    private final String authorization;

    private ServiceNowUser(String baseUrl, String userName, String password) {
        this.baseUrl = baseUrl;
        this.userName = userName;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((userName + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A seeded user of the emulator, given a password to sign in with. */
    static ServiceNowUser signedIn(ServiceNowEmulator serviceNow, String userName) {
        String password = userName + "-password-0123";
        serviceNow.setPassword(userName, password);
        return new ServiceNowUser(serviceNow.baseUrl(), userName, password);
    }

    String userName() {
        return userName;
    }

    /** PATCH /api/now/table/{table}/{sysId}; fails the test unless ServiceNow answers 200. */
    void update(String table, String sysId, Map<String, String> fields) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/now/table/" + table + "/" + sysId))
                    .header("Authorization", authorization)
                    .header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(fields)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(userName + " could not update " + table + " " + sysId + ": "
                        + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
