package io.incidentbridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.JsltException;
import com.schibsted.spt.data.jslt.Parser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** truncate(text, length) as a template calls it. */
class TruncateFunctionTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void cutsToTheLengthInCharactersAndNeverSplitsOne() throws Exception {
        assertThat(apply("truncate(.t, 5)", "{\"t\":\"Checkout fails\"}").asText()).isEqualTo("Check");
        assertThat(apply("truncate(.t, 5)", "{\"t\":\"Short\"}").asText()).isEqualTo("Short");
        assertThat(apply("truncate(.t, 2)", "{\"t\":\"\\ud83d\\ude80\\ud83d\\ude80\\ud83d\\ude80\"}").asText())
                .isEqualTo("\ud83d\ude80\ud83d\ude80");
    }

    @Test
    void nullStaysNullSoTheFieldIsLeftOut() throws Exception {
        assertThat(apply("truncate(.missing, 5)", "{}").isNull()).isTrue();
    }

    @Test
    void aLengthThatIsNoNumberIsAClearError() {
        assertThatThrownBy(() -> apply("truncate(.t, \"ten\")", "{\"t\":\"x\"}")).isInstanceOf(JsltException.class)
                .hasMessageContaining("length must be a whole number");
    }

    private JsonNode apply(String template, String input) throws Exception {
        Expression expression = Parser.compileString(template, List.of(new TruncateFunction()));
        return expression.apply(json.readTree(input));
    }
}
