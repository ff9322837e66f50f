package io.incidentbridge.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.schibsted.spt.data.jslt.Function;
import com.schibsted.spt.data.jslt.JsltException;

/**
 * {@code truncate(text, length)}: the text cut to at most {@code length} characters (code points, so a character
 * outside the BMP is never split), as a ServiceNow column of that length keeps it; null stays null, a number or
 * boolean is cut as its text. ServiceNow stores short string fields (up to 255) as varchar of the field's max_length
 * and cuts longer values silently, e.g. short_description at 160.
 */
public final class TruncateFunction implements Function {

    @Override
    public String getName() {
        return "truncate";
    }

    @Override
    public int getMinArguments() {
        return 2;
    }

    @Override
    public int getMaxArguments() {
        return 2;
    }

    @Override
    public JsonNode call(JsonNode input, JsonNode[] arguments) {
        JsonNode text = arguments[0];
        JsonNode length = arguments[1];
        if (length == null || !length.canConvertToInt() || length.asInt() < 0) {
            throw new JsltException("truncate(text, length): length must be a whole number of characters, not " + length);
        }
        if (text == null || text.isNull() || text.isMissingNode()) {
            return NullNode.instance;
        }
        if (!text.isValueNode()) {
            throw new JsltException("truncate(text, length): text must be a string, not " + text.getNodeType());
        }
        return TextNode.valueOf(cut(text.asText(), length.asInt()));
    }

    /** The first {@code length} code points of {@code text}. */
    public static String cut(String text, int length) {
        if (text.codePointCount(0, text.length()) <= length) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, length));
    }
}
