package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * One anonymous request cannot make the bridge hold its body: a chunked body fifty times the limit is refused
 * with 413 after at most the limit is read, the connection is closed, and the heap does not grow with the body.
 */
class RequestBodyLimitApplicationTest extends BridgeApplicationTest {
    private static final int WEBHOOK_LIMIT = 524_288;
    private static final int ADMIN_LIMIT = 65_536;
    private static final int CHUNK = 64 * 1024;

    @Test
    void aChunkedWebhookOfFiftyTimesTheLimitIsRefusedWithoutHoldingIt() throws Exception {
        long body = 50L * WEBHOOK_LIMIT;
        Sent sent = sendChunked("/webhooks/incident-io", body, "");

        assertThat(sent.answer).startsWith("HTTP/1.1 413").containsIgnoringCase("Connection: close")
                .contains("bridge.webhooks.max-body-bytes");
        assertThat(sent.closed).as("connection closed by the bridge").isTrue();
        // The sender could not even push the whole body: the bridge stopped reading and closed the connection.
        assertThat(sent.written).as("bytes the sender managed to write").isLessThan(body / 2);
        assertThat(sent.heapGrowth).as("heap in use (after GC) while the body was being sent").isLessThan(10L * WEBHOOK_LIMIT);
        System.out.printf("chunked %d bytes: sender wrote %d, heap growth %d bytes%n", body, sent.written, sent.heapGrowth);
    }

    @Test
    void aChunkedAdminCallOverItsOwnLimitIsRefusedToo() throws Exception {
        long body = 50L * ADMIN_LIMIT;
        Sent sent = sendChunked("/api/mappings/preview", body, basicAuthorization());

        assertThat(sent.answer).startsWith("HTTP/1.1 413").containsIgnoringCase("Connection: close")
                .contains("bridge.admin.max-body-bytes");
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAnyByteIsSent() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /webhooks/incident-io HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + 50L * WEBHOOK_LIMIT + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // Not one byte of the body is sent: an answer can only come from a bridge that does not wait for it.
            String answer = readHead(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("Connection: close");
        }
    }

    private String basicAuthorization() {
        return "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString(
                (ADMIN_USER + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    private record Sent(String answer, boolean closed, long written, long heapGrowth) {
    }

    /**
     * Sends a chunked body of {@code bodyBytes}; when 30 times the webhook limit is written (or the bridge has
     * stopped taking it), the heap still in use after a full GC is compared with the heap before the request.
     */
    private Sent sendChunked(String path, long bodyBytes, String extraHeaders) throws Exception {
        long baseline = liveHeap();
        CountDownLatch far = new CountDownLatch(1);
        CountDownLatch measured = new CountDownLatch(1);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            AtomicLong written = new AtomicLong();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                byte[] chunk = new byte[CHUNK];
                Arrays.fill(chunk, (byte) ' ');
                byte[] size = (Integer.toHexString(CHUNK) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + extraHeaders + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    while (written.get() < bodyBytes) {
                        out.write(size);
                        out.write(chunk);
                        out.write('\r');
                        out.write('\n');
                        if (written.addAndGet(CHUNK) >= 30L * WEBHOOK_LIMIT && far.getCount() > 0) {
                            far.countDown();
                            measured.await(30, TimeUnit.SECONDS);
                        }
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closedByTheBridge) {
                    // Expected: the bridge closes the connection after its 413.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    far.countDown();
                }
            });
            assertThat(far.await(30, TimeUnit.SECONDS)).as("the sender got far or was cut off").isTrue();
            long growth = liveHeap() - baseline;
            measured.countDown();
            InputStream in = socket.getInputStream();
            String answer = readHead(in);
            boolean closed = drainsToEnd(in);
            writer.get(30, TimeUnit.SECONDS);
            return new Sent(answer, closed, written.get(), growth);
        }
    }

    private static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            if (head.toString(StandardCharsets.US_ASCII).contains("\r\n\r\n")) {
                break;
            }
        }
        byte[] rest = in.readNBytes(Math.min(in.available(), 4096));
        return head.toString(StandardCharsets.US_ASCII) + new String(rest, StandardCharsets.UTF_8);
    }

    private static boolean drainsToEnd(InputStream in) {
        try {
            while (in.read() >= 0) {
                // the rest of the answer
            }
            return true;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
