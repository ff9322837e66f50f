package io.incidentbridge.emulator.incidentio;

import com.sun.net.httpserver.HttpExchange;
import io.incidentbridge.emulator.core.Exchanges;
import io.incidentbridge.emulator.core.LoopbackServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

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
    private final LoopbackServer server;
    private int lastStatus = 200;

    WebhookReceiver(Integer... statuses) {
        script.addAll(List.of(statuses));
        server = LoopbackServer.start("webhook-receiver", 0, 4, this::handle);
    }

    String url() {
        return server.baseUrl() + "/webhooks/incident-io";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            received.add(new Received(Exchanges.joinedHeaders(exchange), Exchanges.body(exchange)));
            int status = nextStatus();
            if (status == NO_ANSWER) {
                awaitRelease();
                return;
            }
            if (status == 204) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            if (status >= 300 && status < 400) {
                exchange.getResponseHeaders().set("Location", "http://127.0.0.1:1/elsewhere");
            }
            Exchanges.send(exchange, status, "{\"status\":\"answered " + status + "\"}");
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
        server.close();
    }
}
