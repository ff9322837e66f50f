package io.incidentbridge.emulator.incidentio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.incidentbridge.emulator.core.RecordedRequest;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Injected trouble, switched while requests are in flight: latency, 5xx share, outage, next-N failures, drops. */
class IncidentIoFaultsTest extends EmulatorTestBase {

    @Test
    void latencyHoldsEveryAnswerBack() {
        emulator.faults().latency(Duration.ofMillis(250));

        long started = System.nanoTime();
        ApiClient.Answer answer = api.get("/v1/severities");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void theNextNRequestsFailExactlyOnceEachEvenWhenConcurrent() throws Exception {
        emulator.faults().failNext(10, 502);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                answers.add(pool.submit(() -> api.get("/v1/severities").status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).filteredOn(s -> s == 502).hasSize(10);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(20);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDroppedConnectionAnswersNothingWritesNothingAndIsLoggedUnanswered() {
        emulator.faults().dropNext(1);
        String edit = "{\"incident\":{\"summary\":\"dropped\"},\"notify_incident_channel\":false}";
        String id = emulator.createIncident(IncidentSpec.of("Checkout failing")).path("id").asText();

        assertThatThrownBy(() -> api.post("/v2/incidents/" + id + "/actions/edit", edit))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(emulator.incident(id).path("summary").asText()).isNotEqualTo("dropped");
        assertThat(api.get("/v1/severities").status()).isEqualTo(200);
        assertThat(emulator.requests()).extracting(RecordedRequest::status).containsExactly(0, 200);
    }

    @Test
    void anErrorRateOfOneFailsEverythingWithTheChosenStatusInTheErrorShape() {
        emulator.faults().errorRate(1.0, 503);

        ApiClient.Answer answer = api.get("/v1/severities");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json().path("request_id").asText()).isNotBlank();
        assertThat(answer.json().path("errors")).isNotEmpty();
        emulator.faults().errorRate(0.0, 500);
        assertThat(api.get("/v1/severities").status()).isEqualTo(200);
    }

    @Test
    void anOutageCanBeSwitchedOnAndOffWhileAClientKeepsCalling() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        ExecutorService client = Executors.newSingleThreadExecutor();
        Future<?> loop = client.submit(() -> {
            while (running.get()) {
                seen.add(api.get("/v1/severities").status());
            }
        });
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.contains(200));
            emulator.faults().outage(true);
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.contains(503));
            emulator.faults().outage(false);
            int afterOutage = seen.size();
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.stream().skip(afterOutage).anyMatch(status -> status == 200));
        } finally {
            running.set(false);
            loop.get();
            client.shutdownNow();
        }
        assertThat(seen).containsOnly(200, 503);
    }

    @Test
    void resetClearsEveryFaultAndFaultedRequestsAreLogged() {
        emulator.faults().latency(Duration.ofMillis(50)).outage(true).failNext(3).rateLimitNext(3).errorRate(0.5, 500);
        assertThat(api.get("/v1/severities").status()).isEqualTo(503);

        emulator.faults().reset();

        assertThat(api.get("/v1/severities").status()).isEqualTo(200);
        assertThat(emulator.requests()).extracting(RecordedRequest::status).containsExactly(503, 200);
    }

    @Test
    void faultsComeBeforeAuthenticationAsInfrastructureFailuresDo() {
        emulator.faults().failNext(1);

        assertThat(api.withKey(null).get("/v1/severities").status()).isEqualTo(500);
        assertThat(api.withKey(null).get("/v1/severities").status()).isEqualTo(401);
    }
}
