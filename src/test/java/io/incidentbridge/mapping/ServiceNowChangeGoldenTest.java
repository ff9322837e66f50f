package io.incidentbridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.TestSettings;
import io.incidentbridge.config.BridgeProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files for mappings/servicenow-to-incident.jslt: each {@code golden/servicenow-incident/<case>.input.json} is a
 * ServiceNow change as a callback brings it; {@code <case>.expected.json} exactly what the shipped template makes of it
 * in incident.io (the integration user's own notes already taken out).
 */
class ServiceNowChangeGoldenTest {
    private static final Path DIR = Path.of("src/test/resources/golden/servicenow-incident");
    private final ObjectMapper json = new ObjectMapper();
    private final BridgeProperties settings = TestSettings.load(Map.of("bridge.servicenow.username", "bridge.integration"));
    private final ServiceNowChangeMapper mapper = new ServiceNowChangeMapper(
            new MappingTemplates(settings, DirectoryLookups.sample()), json, settings);

    static Stream<String> cases() throws IOException {
        return GoldenCases.in(DIR).stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void templateGivesTheExpectedIncidentIoSide(String name) throws IOException {
        JsonNode change = json.readTree(DIR.resolve(name + ".input.json").toFile());
        JsonNode expected = json.readTree(DIR.resolve(name + ".expected.json").toFile());
        assertThat(mapper.incident(change).fields()).isEqualTo(expected);
    }
}
