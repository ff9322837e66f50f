package io.incidentbridge.webhooks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads a request body into memory only up to a limit: at most {@code limit + 1} bytes are ever taken from the
 * stream, whether the sender declared a length or sent it chunked, so memory never grows with what a sender pushes.
 */
public final class BoundedBody {
    private static final int CHUNK = 8192;

    private BoundedBody() {
    }

    /** The whole body, or empty when it is longer than {@code limit} bytes (the rest is left unread). */
    public static Optional<byte[]> read(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(limit + 1, CHUNK));
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        while (total <= limit) {
            int n = in.read(chunk, 0, (int) Math.min(chunk.length, limit + 1 - total));
            if (n < 0) {
                return Optional.of(body.toByteArray());
            }
            body.write(chunk, 0, n);
            total += n;
        }
        return Optional.empty();
    }
}
