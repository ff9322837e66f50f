package io.incidentbridge.emulator.servicenow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for the bridge's {@code POST /webhooks/servicenow} in the callback rule's tests: records each request's
 * method, headers (lower-cased names) and raw body and answers 202, or holds every answer until {@link #release()}.
 */
final class CallbackReceiver implements AutoCloseable {

    record Received(String method, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch released;
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final HttpServer server;

    private CallbackReceiver(boolean holdAnswers) {
        released = new CountDownLatch(holdAnswers ? 1 : 0);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    static CallbackReceiver answering() {
        return new CallbackReceiver(false);
    }

    static CallbackReceiver holdingAnswers() {
        return new CallbackReceiver(true);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/servicenow";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void release() {
        released.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            received.add(new Received(exchange.getRequestMethod(), headers,
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            released.await();
            byte[] body = "{\"status\":\"stored\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        pool.shutdownNow();
    }
}
