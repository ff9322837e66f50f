package io.incidentbridge.emulator.servicenow;

import com.sun.net.httpserver.HttpExchange;
import io.incidentbridge.emulator.core.Exchanges;
import io.incidentbridge.emulator.core.LoopbackServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

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
    private final LoopbackServer server;

    private CallbackReceiver(boolean holdAnswers) {
        released = new CountDownLatch(holdAnswers ? 1 : 0);
        server = LoopbackServer.start("callback-receiver", 0, 2, this::handle);
    }

    static CallbackReceiver answering() {
        return new CallbackReceiver(false);
    }

    static CallbackReceiver holdingAnswers() {
        return new CallbackReceiver(true);
    }

    String url() {
        return server.baseUrl() + "/webhooks/servicenow";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void release() {
        released.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            received.add(new Received(exchange.getRequestMethod(), Exchanges.joinedHeaders(exchange), Exchanges.body(exchange)));
            released.await();
            Exchanges.send(exchange, 202, "{\"status\":\"stored\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
        server.close();
    }
}
