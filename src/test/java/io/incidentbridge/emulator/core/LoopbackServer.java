package io.incidentbridge.emulator.core;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The JDK HTTP server on 127.0.0.1, the one way emulators and test receivers listen. Its pool has daemon threads
 * that time out when idle, so a server a test forgot to close neither holds threads for long nor keeps the JVM
 * alive; the backlog is large enough for load tests that open many connections at once.
 *
 * <p>TCP_NODELAY is switched on: the JDK server writes a response's headers and body separately, and without it
 * Nagle's algorithm holds the body back until the client's delayed ACK, about 40 ms per request on Linux
 * (measured: 1,200 requests took 57 s instead of 2 s). The JDK reads {@code sun.net.httpserver.nodelay} once, when
 * the first HttpServer in the JVM is created, so it is set here before any is; a JVM whose first HttpServer was
 * made elsewhere needs {@code -Dsun.net.httpserver.nodelay=true}.
 */
public final class LoopbackServer implements AutoCloseable {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final int BACKLOG = 512;
    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LoopbackServer(HttpServer server, ThreadPoolExecutor pool) {
        this.server = server;
        this.pool = pool;
    }

    /** Listens on {@code port} (0: an ephemeral one) and hands every request to {@code handler}. */
    public static LoopbackServer start(String name, int port, int threads, HttpHandler handler) {
        return startFor(name, port, threads, baseUrl -> handler);
    }

    /** As {@link #start(String, int, int, HttpHandler)}, for a handler that needs to know the server's base URL. */
    public static LoopbackServer startFor(String name, int port, int threads, Function<String, HttpHandler> handlerFor) {
        AtomicInteger counter = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), BACKLOG);
            server.createContext("/", handlerFor.apply("http://127.0.0.1:" + server.getAddress().getPort()));
            server.setExecutor(pool);
            server.start();
            return new LoopbackServer(server, pool);
        } catch (IOException e) {
            pool.shutdownNow();
            throw new UncheckedIOException(name + " could not listen on port " + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
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
