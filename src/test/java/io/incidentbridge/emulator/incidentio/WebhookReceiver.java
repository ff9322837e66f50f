package io.incidentbridge.emulator.incidentio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny webhook endpoint for sender tests: records every request's headers and raw body, and answers with the
 * scripted statuses in turn (then the last one). A status of -1 holds the answer until {@link #close()}, to
 * play an endpoint that never answers.
 */
final class WebhookReceiver implements AutoCloseable {
    record Received(Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    static final int NO_ANSWER = -1;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Integer> script = new ConcurrentLinkedQueue<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final HttpServer server;
    private int lastStatus = 200;

    WebhookReceiver(Integer... statuses) {
        script.addAll(List.of(statuses));
        try {
            server = LoopbackHttpServers.create(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/incident-io";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            received.add(new Received(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            int status = nextStatus();
            if (status == NO_ANSWER) {
                awaitRelease();
                return;
            }
            if (status == 204) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            byte[] body = ("{\"status\":\"answered " + status + "\"}").getBytes(StandardCharsets.UTF_8);
            if (status >= 300 && status < 400) {
                exchange.getResponseHeaders().set("Location", "http://127.0.0.1:1/elsewhere");
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private synchronized int nextStatus() {
        Integer scripted = script.poll();
        if (scripted != null) {
            lastStatus = scripted;
        }
        return lastStatus;
    }

    private void awaitRelease() {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
