package io.incidentbridge.webhooks;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a verified webhook body as one JSON object, strictly, so that what is stored is exactly what was checked:
 * the bytes must be UTF-8 without a byte order mark (Jackson alone would guess UTF-16 or UTF-32, and let overlong
 * forms through), hold one object and nothing after it, and name each field once. Jackson's StreamReadConstraints
 * bound the nesting depth (1,000), numbers (1,000 digits) and names (50,000 characters). Anything else is a 400.
 */
public final class WebhookJson {
    private final ObjectReader reader;

    public WebhookJson(ObjectMapper json) {
        this.reader = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    /** A body that passed: its text, to store, and the object read from it. */
    public record Body(String text, JsonNode root) {
    }

    public Body read(byte[] body) {
        String text = utf8(body);
        if (text.startsWith("\uFEFF")) {
            throw new WebhookRejected(400, "the body is not valid JSON: it starts with a byte order mark");
        }
        JsonNode root;
        try {
            root = reader.readTree(text);
        } catch (JacksonException e) {
            throw new WebhookRejected(400, "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new WebhookRejected(400, "the body cannot be read as JSON");
        }
        if (root == null || !root.isObject()) {
            throw new WebhookRejected(400, "the body is not a JSON object");
        }
        return new Body(text, root);
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new WebhookRejected(400, "the body is not UTF-8");
        }
    }
}
