package io.incidentbridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbridge.TestSettings;
import io.incidentbridge.config.BridgeProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A template for ServiceNow changes that gives something the bridge cannot apply is refused, like the outbound ones. */
class ServiceNowChangeTemplateCheckTest {
    @TempDir
    Path mappings;
    private BridgeProperties settings;

    @BeforeEach
    void copyTheShippedMappings() throws IOException {
        try (var files = Files.list(Path.of("mappings"))) {
            for (Path file : files.toList()) {
                Files.copy(file, mappings.resolve(file.getFileName()));
            }
        }
        settings = TestSettings.load(Map.of("bridge.mapping.directory", mappings.toString()));
    }

    @Test
    void anUnknownOutputFieldIsRefusedWithTheFileAndTheField() throws IOException {
        Files.writeString(mappings.resolve("servicenow-to-incident.jslt"), "{\"staus_category\": .values.state}");

        assertThatThrownBy(() -> new MappingTemplates(settings, DirectoryLookups.sample()))
                .isInstanceOf(MappingFailure.class)
                .hasMessageContaining("servicenow-to-incident.jslt").hasMessageContaining("unknown output field 'staus_category'");
    }

    @Test
    void aBadTemplateOnReloadLeavesTheOneInForce() throws IOException {
        MappingTemplates templates = new MappingTemplates(settings, DirectoryLookups.sample());
        Files.writeString(mappings.resolve("servicenow-to-incident.jslt"), "{\"notes\": \"not a list\"}");

        assertThatThrownBy(templates::reload).isInstanceOf(MappingFailure.class).hasMessageContaining("notes must be a list");
        ServiceNowChangeMapper mapper = new ServiceNowChangeMapper(templates, new ObjectMapper(), settings);
        assertThat(mapper.incident("incident", Map.of("state", "6")).text("status_category")).isEqualTo("learning");
    }

    @Test
    void aTaskTemplateThatDoesNotCompileIsRefused() throws IOException {
        Files.writeString(mappings.resolve("task-to-follow-up.jslt"), "{\"status\": get-key(}");

        assertThatThrownBy(() -> new MappingTemplates(settings, DirectoryLookups.sample()))
                .isInstanceOf(MappingFailure.class).hasMessageContaining("task-to-follow-up.jslt").hasMessageContaining("does not compile");
    }
}
