package io.incidentbridge.emulator.servicenow;

import static io.incidentbridge.emulator.servicenow.EmulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.incidentbridge.emulator.core.RecordedRequest;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceNowEmulatorFaultsTest extends EmulatorTestBase {

    @BeforeEach
    void start() {
        client.accessToken();
    }

    @Test
    void errorRateOfOneFailsEveryApiRequestButNotOAuth() {
        emulator.faults().errorRate(1.0, 503);

        HttpResponse<String> response = client.get("/api/now/table/incident");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).get("status").asText()).isEqualTo("failure");
        assertThat(client.passwordGrant(ServiceNowEmulator.USERNAME, ServiceNowEmulator.PASSWORD).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aSeededErrorRateIsReproducible() {
        emulator.faults().seed(42).errorRate(0.5, 500);
        List<Integer> first = statuses(20);
        emulator.faults().seed(42);
        List<Integer> second = statuses(20);

        assertThat(second).isEqualTo(first);
        assertThat(first).contains(200, 500);
    }

    @Test
    void latencyDelaysEveryApiRequest() {
        emulator.faults().latency(Duration.ofMillis(300));

        long started = System.nanoTime();
        assertThat(client.get("/api/now/table/incident").statusCode()).isEqualTo(200);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void latencyDoesNotSerialiseConcurrentRequests() {
        emulator.faults().latency(Duration.ofMillis(500));

        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            long started = System.nanoTime();
            List<CompletableFuture<Integer>> calls = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> client.get("/api/now/table/incident").statusCode(), callers))
                    .toList();
            calls.forEach(c -> assertThat(c.join()).isEqualTo(200));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void anOutageTakesDownOAuthToo() {
        emulator.faults().outage(true);

        assertThat(client.get("/api/now/table/incident").statusCode()).isEqualTo(503);
        assertThat(client.passwordGrant(ServiceNowEmulator.USERNAME, ServiceNowEmulator.PASSWORD).statusCode())
                .isEqualTo(503);

        emulator.faults().outage(false);
        assertThat(client.get("/api/now/table/incident").statusCode()).isEqualTo(200);
    }

    @Test
    void failNextFailsExactlyThatManyRequestsAndNothingIsWritten() {
        emulator.faults().failNext(2, 502);

        assertThat(client.post("/api/now/table/incident", "{}").statusCode()).isEqualTo(502);
        assertThat(client.post("/api/now/table/incident", "{}").statusCode()).isEqualTo(502);
        assertThat(client.post("/api/now/table/incident", "{}").statusCode()).isEqualTo(201);
        assertThat(emulator.records("incident")).hasSize(1);
    }

    @Test
    void aDroppedConnectionAnswersNothingWritesNothingAndIsLoggedUnanswered() {
        emulator.faults().dropNext(1);

        assertThatThrownBy(() -> client.post("/api/now/table/incident", "{\"short_description\":\"dropped\"}"))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(client.post("/api/now/table/incident", "{\"short_description\":\"kept\"}").statusCode())
                .isEqualTo(201);
        assertThat(emulator.records("incident")).extracting(r -> r.get("short_description")).containsExactly("kept");
        assertThat(emulator.requests()).filteredOn(r -> r.path().equals("/api/now/table/incident"))
                .extracting(RecordedRequest::status).containsExactly(0, 201);
    }

    @Test
    void injectedErrorsCanComeAsHtmlPages() {
        emulator.faults().htmlErrorBodies(true).failNext(1, 503);

        HttpResponse<String> response = client.get("/api/now/table/incident");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(response.body()).startsWith("<html>");
    }

    @Test
    void aHungRequestTripsTheClientTimeoutAndIsAnsweredLater() {
        emulator.faults().hangNext(1, Duration.ofMillis(1500));
        HttpRequest.Builder impatient = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/api/now/table/incident"))
                .timeout(Duration.ofMillis(300))
                .header("Authorization", "Bearer " + client.accessToken())
                .GET();

        assertThatThrownBy(() -> client.send(impatient))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(HttpTimeoutException.class);
        assertThat(client.get("/api/now/table/incident").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(emulator.requests())
                .filteredOn(r -> r.path().equals("/api/now/table/incident"))
                .extracting(RecordedRequest::status).containsExactly(200, 200));
    }

    @Test
    void resetClearsEveryFault() {
        emulator.faults().errorRate(1.0, 500).outage(true).failNext(5, 500).rateLimitNext(5, 1)
                .latency(Duration.ofSeconds(5)).hangNext(5, Duration.ofSeconds(5));

        emulator.faults().reset();

        assertThat(client.get("/api/now/table/incident").statusCode()).isEqualTo(200);
    }

    @Test
    void theRequestLogRecordsWhatWasAskedAndAnswered() {
        emulator.clearRequests();

        client.post("/api/now/table/incident?sysparm_fields=" + EmulatorClient.encode("sys_id,number"),
                "{\"short_description\":\"Logged\"}");
        client.get("/api/now/table/incident/missing");

        List<RecordedRequest> requests = emulator.requests();
        assertThat(requests).extracting(RecordedRequest::method, RecordedRequest::path, RecordedRequest::status)
                .containsExactly(
                        tuple("POST", "/api/now/table/incident", 201),
                        tuple("GET", "/api/now/table/incident/missing", 404));
        RecordedRequest post = requests.get(0);
        assertThat(post.query()).containsEntry("sysparm_fields", "sys_id,number");
        assertThat(post.headers()).containsEntry("content-type", "application/json")
                .containsKey("authorization");
        assertThat(post.body()).isEqualTo("{\"short_description\":\"Logged\"}");
        assertThat(post.at()).isNotNull();
        assertThat(emulator.count("POST", "/api/now/table/incident")).isEqualTo(1);
        assertThat(emulator.count("GET", "/api/now/table/")).isEqualTo(1);
    }

    private List<Integer> statuses(int n) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            statuses.add(client.get("/api/now/table/incident").statusCode());
        }
        return statuses;
    }
}
