package io.incidentbridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.TestSettings;
import io.incidentbridge.model.IncidentSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files for mappings/incident-to-servicenow.jslt: each {@code golden/incident/<case>.input.json} is an
 * incident.io incident; {@code <case>.expected.json} the exact ServiceNow fields the shipped template gives it.
 */
class IncidentMappingGoldenTest {
    private static final Path DIR = Path.of("src/test/resources/golden/incident");
    private final ObjectMapper json = new ObjectMapper();
    private final IncidentMapper mapper = new IncidentMapper(new MappingTemplates(TestSettings.defaults(), DirectoryLookups.sample()), TestSettings.defaults());

    static Stream<String> cases() throws IOException {
        return GoldenCases.in(DIR).stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void templateGivesTheExpectedServiceNowFields(String name) throws IOException {
        JsonNode incident = json.readTree(DIR.resolve(name + ".input.json").toFile());
        Map<String, String> expected = json.readValue(DIR.resolve(name + ".expected.json").toFile(), new TypeReference<>() { });
        IncidentSnapshot snapshot = new IncidentSnapshot(incident.path("id").asText(),
                OffsetDateTime.parse(incident.path("updated_at").asText()), incident);
        assertThat(mapper.map(snapshot).fields()).containsExactlyInAnyOrderEntriesOf(expected);
    }
}
