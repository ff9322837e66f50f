package io.incidentbridge.emulator.incidentio;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK HTTP server on the loopback address. Its pool has 32 daemon threads that time out when idle, so an
 * emulator a test forgot to close neither holds threads for long nor keeps the JVM alive; the backlog is large
 * enough for load tests that open many connections at once.
 */
final class ApiServer implements AutoCloseable {
    private static final int THREADS = 32;
    private static final int BACKLOG = 512;
    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ApiServer(HttpServer server, ThreadPoolExecutor pool) {
        this.server = server;
        this.pool = pool;
    }

    static ApiServer start(int port, HttpHandler handler) {
        AtomicInteger counter = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "incident-io-emulator-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        try {
            HttpServer server = LoopbackHttpServers.create(port, BACKLOG);
            server.createContext("/", handler);
            server.setExecutor(pool);
            server.start();
            return new ApiServer(server, pool);
        } catch (IOException e) {
            pool.shutdownNow();
            throw new UncheckedIOException("the incident.io emulator could not listen on port " + port, e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Safe to call more than once, as a test's own close and a try-with-resources may both do. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            pool.shutdownNow();
        }
    }
}
