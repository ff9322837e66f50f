package io.incidentbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Every setting explains itself: each property bound in BridgeProperties is in the configuration metadata with a
 * description (IDEs show it when completing application.yaml), application.yaml sets nothing that is not bound, and
 * older names keep working.
 */
class ConfigurationMetadataTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyBoundPropertyHasADescriptionInTheMetadata() throws Exception {
        Map<String, JsonNode> metadata = metadata();
        Set<String> bound = new TreeSet<>();
        collect("bridge", BridgeProperties.class, bound);
        assertThat(bound).hasSizeGreaterThan(70);
        for (String property : bound) {
            assertThat(metadata).as("configuration metadata").containsKey(property);
            assertThat(metadata.get(property).path("description").asText()).as("description of " + property).isNotBlank();
        }
        assertThat(metadata.get("bridge.inbox.poll-interval").path("type").asText()).isEqualTo("java.time.Duration");
        assertThat(metadata.get("bridge.inbox.poll-interval").path("defaultValue").asText()).isEqualTo("25ms");
    }

    @Test
    void applicationYamlSetsOnlyBoundPropertiesAndEveryTimeSettingIsADuration() throws Exception {
        Map<String, JsonNode> metadata = metadata();
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(Path.of("application.yaml").toFile());
        Map<String, JsonNode> set = new HashMap<>();
        flatten("bridge", yaml.path("bridge"), set);
        for (Map.Entry<String, JsonNode> setting : set.entrySet()) {
            JsonNode described = metadata.get(setting.getKey());
            assertThat(described).as(setting.getKey() + " in application.yaml is bound in BridgeProperties").isNotNull();
            assertThat(described.path("deprecated").asBoolean()).as(setting.getKey() + " is deprecated").isFalse();
            if (described.path("type").asText().equals("java.time.Duration")) {
                assertThat(setting.getValue().asText()).as(setting.getKey()).matches("\\d+(ms|s|m|h|d)");
            }
        }
    }

    @Test
    void theOldPollIntervalMillisNameIsDeprecatedAndStillWorks() throws Exception {
        JsonNode old = metadata().get("bridge.back-sync.poll-interval-millis");
        assertThat(old.path("deprecation").path("replacement").asText()).isEqualTo("bridge.back-sync.poll-interval");

        MockEnvironment environment = new MockEnvironment().withProperty("bridge.back-sync.poll-interval-millis", "1500");
        new DeprecatedSettings(destination -> destination.get()).postProcessEnvironment(environment, null);
        assertThat(environment.getProperty("bridge.back-sync.poll-interval")).isEqualTo("1500ms");

        MockEnvironment both = new MockEnvironment().withProperty("bridge.back-sync.poll-interval-millis", "1500")
                .withProperty("bridge.back-sync.poll-interval", "5s");
        new DeprecatedSettings(destination -> destination.get()).postProcessEnvironment(both, null);
        assertThat(both.getProperty("bridge.back-sync.poll-interval")).as("the new name wins").isEqualTo("5s");
    }

    @Test
    void routesGetTimeSettingsInMillisecondsWhateverTheirStyle() {
        assertThat(MillisPropertiesFunction.toMillis("x", "25ms")).isEqualTo(25);
        assertThat(MillisPropertiesFunction.toMillis("x", "30s")).isEqualTo(30_000);
        assertThat(MillisPropertiesFunction.toMillis("x", "10000")).isEqualTo(10_000);
        assertThatThrownBy(() -> MillisPropertiesFunction.toMillis("bridge.inbox.poll-interval", "soon"))
                .hasMessageContaining("bridge.inbox.poll-interval must be a duration");
    }

    private Map<String, JsonNode> metadata() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("META-INF/spring-configuration-metadata.json on the classpath").isNotNull();
            Map<String, JsonNode> byName = new HashMap<>();
            json.readTree(in).path("properties").forEach(p -> byName.put(p.path("name").asText(), p));
            return byName;
        }
    }

    private static void collect(String prefix, Class<?> type, Set<String> into) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            if (component.getType().isRecord()) {
                collect(name, component.getType(), into);
            } else {
                into.add(name);
            }
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix + "." + field.getKey(), field.getValue(), into);
            }
        } else {
            into.put(prefix, node);
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
