package io.incidentbridge.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Calls the bridge's admin API and actuator as a logged-in user (or as a stranger, with no user). */
final class AdminClient {
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    AdminClient(int port) {
        this.port = port;
    }

    HttpResponse<String> call(String method, String path, String user, String password) throws IOException, InterruptedException {
        return call(method, path, user, password, null);
    }

    HttpResponse<String> call(String method, String path, String user, String password, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
