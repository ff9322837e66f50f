package io.incidentbridge.bench;

import io.incidentbridge.emulator.incidentio.WebhookSender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Sends signed webhooks from several threads and records each acknowledgement's latency. */
final class LoadDriver {
    record Result(int count, double seconds, double p50Millis, double p99Millis, int failures, long[] latencies) {
        double perSecond() {
            return count / seconds;
        }

        /** Several runs as one: their webhooks over their summed time, percentiles over all their latencies. */
        static Result combined(List<Result> runs) {
            long[] all = runs.stream().flatMapToLong(r -> Arrays.stream(r.latencies())).sorted().toArray();
            int count = runs.stream().mapToInt(Result::count).sum();
            return new Result(count, runs.stream().mapToDouble(Result::seconds).sum(), all[count / 2] / 1e6,
                    all[(int) (count * 0.99)] / 1e6, runs.stream().mapToInt(Result::failures).sum(), all);
        }
    }

    private final String url;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    LoadDriver(String url, String secret) {
        this.url = url;
        this.secret = secret;
    }

    /** Sends {@code count} webhooks from {@code threads} senders, at most {@code perSecond} a second (0: no limit). */
    Result run(List<String> bodies, int count, int threads, int perSecond) throws Exception {
        List<HttpRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(signed("msg_" + UUID.randomUUID(), bodies.get(i % bodies.size())));
        }
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    if (perSecond > 0) {
                        long due = start + i * 1_000_000_000L / perSecond;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                    }
                    long sent = System.nanoTime();
                    HttpResponse<Void> response = http.send(requests.get(i), HttpResponse.BodyHandlers.discarding());
                    latencies[i] = System.nanoTime() - sent;
                    if (response.statusCode() / 100 != 2) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        return new Result(count, seconds, latencies[count / 2] / 1e6, latencies[(int) (count * 0.99)] / 1e6, failures.get(), latencies);
    }

    void runInOrder(List<String> bodies) throws Exception {
        for (String body : bodies) {
            http.send(signed("msg_" + UUID.randomUUID(), body), HttpResponse.BodyHandlers.discarding());
        }
    }

    /** One signed webhook with a fresh id; the answer's status code. */
    int send(String body) throws Exception {
        return http.send(signed("msg_" + UUID.randomUUID(), body), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest signed(String id, String body) {
        long timestamp = System.currentTimeMillis() / 1000;
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSender.sign(secret, id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
