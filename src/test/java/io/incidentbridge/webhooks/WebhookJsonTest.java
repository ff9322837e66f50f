package io.incidentbridge.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookJsonTest {
    private final WebhookJson json = new WebhookJson(new ObjectMapper());

    @Test
    void readsOneObjectAndKeepsItsTextAsSent() {
        String text = "{\"name\":\"caf\u00e9 \ud83d\udd25 \\ud800\"}\n";
        WebhookJson.Body body = json.read(text.getBytes(StandardCharsets.UTF_8));
        assertThat(body.text()).isEqualTo(text);
        assertThat(body.root().path("name").asText()).startsWith("caf\u00e9 \ud83d\udd25");
    }

    @Test
    void refusesBytesThatAreNotUtf8EvenWhereJacksonWouldDecodeThem() {
        assertNotUtf8(0xC0, 0xAF);              // overlong "/"
        assertNotUtf8(0xE0, 0x80, 0xAF);        // overlong "/" in three bytes
        assertNotUtf8(0xED, 0xA0, 0x80);        // a surrogate encoded as UTF-8
        assertNotUtf8(0xF5, 0x80, 0x80, 0x80);  // beyond U+10FFFF
        assertNotUtf8(0x80);
        assertRefused("{\"a\":1}".getBytes(StandardCharsets.UTF_16), "not UTF-8");
    }

    @Test
    void refusesAByteOrderMarkAndOtherEncodingsThatJacksonWouldGuess() {
        assertRefused(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "{\"a\":1}".getBytes(StandardCharsets.UTF_8)),
                "byte order mark");
        assertRefused("{\"a\":1}".getBytes(StandardCharsets.UTF_16LE), "not valid JSON");
        assertRefused("{\"a\":1}".getBytes(java.nio.charset.Charset.forName("UTF-32BE")), "not valid JSON");
    }

    @Test
    void refusesAnythingAfterTheObjectAndFieldsNamedTwice() {
        assertRefused("{\"a\":1} x", "not valid JSON");
        assertRefused("{\"a\":1}{}", "not valid JSON");
        assertRefused("{\"a\":1}\u0000", "not valid JSON");
        assertRefused("{\"event_type\":\"a\",\"event_type\":\"b\"}", "Duplicate field 'event_type'");
    }

    @Test
    void refusesNestingNumbersAndNamesBeyondJacksonsLimitsWithoutOverflowingTheStack() {
        assertRefused("{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}", "nesting depth");
        assertRefused("{\"a\":" + "9".repeat(1_001) + "}", "Number value length");
        assertRefused("{\"" + "k".repeat(50_001) + "\":1}", "Name length");
        assertThat(json.read(("{\"a\":" + "[".repeat(998) + "]".repeat(998) + "}").getBytes(StandardCharsets.UTF_8)).root().has("a"))
                .isTrue();
    }

    @Test
    void refusesWhatIsNotAnObject() {
        assertRefused("", "not a JSON object");
        assertRefused("  ", "not a JSON object");
        assertRefused("[{\"a\":1}]", "not a JSON object");
        assertRefused("null", "not a JSON object");
    }

    private void assertNotUtf8(int... bytes) {
        byte[] bad = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bad[i] = (byte) bytes[i];
        }
        assertRefused(concat(concat("{\"a\":\"".getBytes(StandardCharsets.UTF_8), bad), "\"}".getBytes(StandardCharsets.UTF_8)),
                "not UTF-8");
    }

    private void assertRefused(String body, String reason) {
        assertRefused(body.getBytes(StandardCharsets.UTF_8), reason);
    }

    private void assertRefused(byte[] body, String reason) {
        assertThatThrownBy(() -> json.read(body)).isInstanceOf(WebhookRejected.class).hasMessageContaining(reason)
                .extracting(e -> ((WebhookRejected) e).status()).isEqualTo(400);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
