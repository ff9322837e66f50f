package io.incidentbridge.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Hostile bodies shared by both webhook endpoints, each made from a valid body and a seeded {@link Random}:
 * JSON that is broken, not UTF-8, not an object, too deep, or full of Unicode that is legal but unkind.
 * Every method answers a {@link Body}: the bytes and what they are, for the failure message.
 */
final class HostileJson {
    /** A body and what was done to it. */
    record Body(String description, byte[] bytes) {
    }

    /** Byte sequences that are not UTF-8: stray bytes, overlong forms, encoded surrogates, cut-off sequences. */
    private static final List<byte[]> NOT_UTF8 = List.of(
            bytes(0xFF), bytes(0xFE), bytes(0x80), bytes(0xBF),
            bytes(0xC0, 0xAF), bytes(0xC1, 0xBF), bytes(0xC0, 0xA2), bytes(0xE0, 0x80, 0xAF),
            bytes(0xF0, 0x80, 0x80, 0xAF), bytes(0xED, 0xA0, 0x80), bytes(0xED, 0xBF, 0xBF),
            bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xF5, 0x80, 0x80, 0x80), bytes(0xF8, 0x88, 0x80, 0x80, 0x80),
            bytes(0xE2, 0x82), bytes(0xF0, 0x9F, 0x98));
    private static final List<String> TRAILING = List.of("x", "}", ",{}", "{}", "\u0000", " null", "]", "\"tail\"",
            " {\"event_type\":\"x\"}", "//", "\u001a");
    private static final List<String> NOT_OBJECTS = List.of("[]", "[1,2]", "\"text\"", "42", "-0.5e9", "true", "null",
            "[{\"event_type\":\"x\"}]");
    private static final List<String> NOT_JSON = List.of("{/* comment */}", "{'event_type':'x'}", "{\"a\":NaN}",
            "{\"a\":Infinity}", "{\"a\":1,}", "{event_type:\"x\"}", "{\"a\":0x10}", "{\"a\":+1}", "{\"a\":01}",
            "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "{\"a\":tru}", "{\"a\"}", "{,}", "{\"a\":\"unterminated}");
    /** Legal JSON text that is unkind to whoever reads it: lone surrogates, bidi overrides, zero-width, emoji, NUL. */
    private static final List<String> UNICODE = List.of("\ud800", "\udfff", "x\ud83dy", "\u202eevil\u202c", "\u200b", "\u200d\u200c\u2060",
            "\ufeff", "\u0000", "\u0007\u001b[31m", "\u00a0", "\u2028\u2029", "\uffff\ufffe", "\ud83d\udd25\ud83d\udc69\u200d\ud83d\udcbb",
            "e\u0301\u0301\u0301\u0301", "\u0661\u0662\u0663", "\uff11\uff12", "\u05d0\u05d1\u200f", "\u0130\u0131");
    private static final List<Charset> OTHER_ENCODINGS = List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
            StandardCharsets.UTF_16, Charset.forName("UTF-32BE"), Charset.forName("UTF-32LE"), StandardCharsets.ISO_8859_1);

    private static final ObjectWriter ESCAPING = new ObjectMapper().writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

    private final Random random;

    HostileJson(Random random) {
        this.random = random;
    }

    Body truncated(String valid) {
        int cut = 1 + random.nextInt(valid.length() - 1);
        return new Body("cut after " + cut + " of " + valid.length() + " characters", utf8(valid.substring(0, cut)));
    }

    Body trailingGarbage(String valid) {
        String tail = pick(TRAILING);
        return new Body("trailing " + visible(tail), utf8(valid + tail));
    }

    Body byteOrderMark(String valid) {
        return new Body("UTF-8 byte order mark first", concat(bytes(0xEF, 0xBB, 0xBF), utf8(valid)));
    }

    Body nulByte(String valid) {
        int at = random.nextInt(valid.length() + 1);
        return new Body("raw NUL byte at " + at, insert(utf8(valid), at, bytes(0x00)));
    }

    /** Not UTF-8 inside a string value: {@code marker} must occur in {@code valid} and is where the bytes go. */
    Body notUtf8(String valid, String marker) {
        byte[] bad = pick(NOT_UTF8);
        int at = utf8(valid.substring(0, valid.indexOf(marker))).length;
        return new Body("not UTF-8: " + hex(bad) + " inside a string", insert(utf8(valid), at, bad));
    }

    Body otherEncoding(String valid) {
        Charset charset = pick(OTHER_ENCODINGS);
        String text = charset.equals(StandardCharsets.ISO_8859_1) ? valid.replace("Hostile", "Hostil\u00e9") : valid;
        return new Body("encoded as " + charset.name(), text.getBytes(charset));
    }

    Body binaryGarbage() {
        byte[] garbage = new byte[1 + random.nextInt(2048)];
        random.nextBytes(garbage);
        garbage[0] = (byte) (0x80 | garbage[0]);
        return new Body(garbage.length + " random bytes", garbage);
    }

    Body notAnObject() {
        String text = pick(NOT_OBJECTS);
        return new Body("root is " + text, utf8(text));
    }

    Body notJson() {
        String text = pick(NOT_JSON);
        return new Body("not JSON: " + text, utf8(text));
    }

    Body whitespace() {
        String text = pick(List.of(" ", "\n", "\r\n\t ", " ".repeat(1000)));
        return new Body("only whitespace (" + text.length() + ")", utf8(text));
    }

    /** Nesting deeper than any reader should follow: arrays, objects, both, or never closed. */
    Body tooDeep() {
        int depth = 1_001 + random.nextInt(20_000);
        return switch (random.nextInt(4)) {
            case 0 -> new Body(depth + " nested arrays", utf8("[".repeat(depth) + "]".repeat(depth)));
            case 1 -> new Body(depth + " nested objects", utf8("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
            case 2 -> new Body(depth + " nested objects and arrays",
                    utf8("{\"a\":[".repeat(depth / 2) + "0" + "]}".repeat(depth / 2)));
            default -> new Body(depth * 5 + " unclosed arrays", utf8("{\"a\":" + "[".repeat(depth * 5)));
        };
    }

    /** {@code [[[...0...]]]} of a depth a reader must still manage, for the bridge to accept or refuse on shape. */
    String nestedWithin(int depth) {
        return "[".repeat(depth) + "0" + "]".repeat(depth);
    }

    String unicodeText() {
        StringBuilder text = new StringBuilder();
        int parts = 1 + random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            text.append(pick(UNICODE));
        }
        return text.toString();
    }

    /** A number or a name longer than Jackson's StreamReadConstraints allow (1,000 digits, 50,000 characters). */
    Body oversizedToken(String envelopeStart) {
        if (random.nextBoolean()) {
            int digits = 1_001 + random.nextInt(100_000);
            return new Body(digits + "-digit number", utf8(envelopeStart + "\"n\":" + "9".repeat(digits) + "}}"));
        }
        int length = 50_001 + random.nextInt(100_000);
        return new Body(length + "-character name", utf8(envelopeStart + "\"" + "k".repeat(length) + "\":1}}"));
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** The UTF-8 bytes of a text; one with a lone surrogate has none (String.getBytes would quietly write '?'). */
    static byte[] utf8(String text) {
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text));
            return Arrays.copyOf(bytes.array(), bytes.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a lone surrogate has no UTF-8 form; write the JSON with HostileJson.write", e);
        }
    }

    /** JSON text of a node, with \\u escapes for non-ASCII where it holds a lone surrogate, which JSON can only escape. */
    static String write(JsonNode node) {
        String text = node.toString();
        if (StandardCharsets.UTF_8.newEncoder().canEncode(text)) {
            return text;
        }
        try {
            return ESCAPING.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String visible(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.length() > 60 ? out.substring(0, 60) + "..." : out.toString();
    }

    private static byte[] insert(byte[] into, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(into, 0, at);
        out.writeBytes(what);
        out.write(into, at, into.length - at);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return insert(b, 0, a);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }
}
