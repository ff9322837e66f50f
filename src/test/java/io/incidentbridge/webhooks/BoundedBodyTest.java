package io.incidentbridge.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    @Test
    void aBodyWithinTheLimitIsReadWhole() throws IOException {
        CountingStream in = new CountingStream(1000);
        assertThat(BoundedBody.read(in, 1000)).hasValueSatisfying(body -> assertThat(body).hasSize(1000));
    }

    @Test
    void aLongerBodyIsReadOnlyOneBytePastTheLimit() throws IOException {
        CountingStream in = new CountingStream(50_000_000L);
        assertThat(BoundedBody.read(in, 100_000)).isEmpty();
        assertThat(in.taken).isEqualTo(100_001);
    }

    @Test
    void anEmptyBodyIsEmpty() throws IOException {
        assertThat(BoundedBody.read(InputStream.nullInputStream(), 10)).hasValueSatisfying(body -> assertThat(body).isEmpty());
    }

    /** An endless sender: counts what the reader takes. */
    private static final class CountingStream extends InputStream {
        private final long length;
        private long taken;

        CountingStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            return taken < length ? (int) (taken++ & 0x7f) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (taken >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - taken);
            taken += n;
            return n;
        }
    }
}
