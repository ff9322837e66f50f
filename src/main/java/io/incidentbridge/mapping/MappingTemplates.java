package io.incidentbridge.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.Function;
import com.schibsted.spt.data.jslt.JsltException;
import com.schibsted.spt.data.jslt.Parser;
import io.incidentbridge.config.BridgeProperties;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Loads the templates under {@code bridge.mapping.directory}. A template that does not compile, or value
 * tables that do not parse, fail with the file name and the parser's line and reason; the template
 * already in force stays in force.
 */
@Component
public class MappingTemplates {
    private final BridgeProperties properties;
    private final List<Function> functions;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private volatile Loaded loaded;
    private volatile long lastModified;

    /** The templates in force, replaced together so a reload never mixes versions. */
    record Loaded(MappingTemplate incident, MappingTemplate followUp, MappingTemplate note,
                  MappingTemplate serviceNowIncident, MappingTemplate serviceNowTask, JsonNode values) {
    }

    public MappingTemplates(BridgeProperties properties, ReferenceLookups lookups) {
        this.properties = properties;
        BridgeProperties.Lookups missing = properties.lookups();
        List<Function> all = new java.util.ArrayList<>(LookupFunction.all(lookups, new LookupFunction.MissingReferences(
                missing.missingUser(), missing.missingGroup(), missing.missingConfigurationItem())));
        all.add(new TruncateFunction());
        this.functions = List.copyOf(all);
        this.loaded = load();
        MappingSelfCheck.check(loaded);
        this.lastModified = newestModification();
    }

    public MappingTemplate incidentTemplate() {
        return loaded.incident();
    }

    public MappingTemplate followUpTemplate() {
        return loaded.followUp();
    }

    public MappingTemplate noteTemplate() {
        return loaded.note();
    }

    /** ServiceNow incident change -> its incident.io side. */
    public MappingTemplate serviceNowIncidentTemplate() {
        return loaded.serviceNowIncident();
    }

    /** ServiceNow task change -> follow-up status. */
    public MappingTemplate serviceNowTaskTemplate() {
        return loaded.serviceNowTask();
    }

    /** The value tables (values.yaml) in force, for choices a template cannot make alone (e.g. incident.io statuses). */
    public JsonNode values() {
        return loaded.values();
    }

    /** Re-reads the files; on failure throws (file, line, reason) and keeps the previous versions. */
    public synchronized void reload() {
        Loaded candidate = load();
        MappingSelfCheck.check(candidate);
        loaded = candidate;
        lastModified = newestModification();
    }

    /** Checks the files on disk as {@link #reload()} would, without putting them in force. */
    public void validate() {
        Loaded candidate = load();
        MappingSelfCheck.check(candidate);
    }

    /** Reloads when a file under the mapping folder changed since the last load; a bad file leaves the old ones in force. */
    public synchronized boolean reloadIfChanged() {
        long newest = newestModification();
        if (newest == lastModified) {
            return false;
        }
        lastModified = newest;
        reload();
        return true;
    }

    private long newestModification() {
        try (java.util.stream.Stream<Path> files = Files.list(Path.of(properties.mapping().directory()))) {
            return files.mapToLong(file -> file.toFile().lastModified()).max().orElse(0L);
        } catch (IOException e) {
            throw new MappingFailure("cannot list the mapping folder " + properties.mapping().directory() + ": " + e.getMessage(), e);
        }
    }

    private Loaded load() {
        BridgeProperties.Mapping mapping = properties.mapping();
        Path directory = Path.of(mapping.directory());
        JsonNode values = readValues(directory.resolve(mapping.valueTables()));
        JsonNode bridge = yaml.createObjectNode().put("correlation_display", properties.servicenow().correlationDisplay());
        Map<String, JsonNode> variables = Map.of("values", values, "bridge", bridge);
        return new Loaded(template(directory.resolve(mapping.incidentTemplate()), variables),
                template(directory.resolve(mapping.followUpTemplate()), variables),
                template(directory.resolve(mapping.noteTemplate()), variables),
                template(directory.resolve(mapping.servicenowIncidentTemplate()), variables),
                template(directory.resolve(mapping.servicenowTaskTemplate()), variables), values);
    }

    private MappingTemplate template(Path file, Map<String, JsonNode> variables) {
        return new MappingTemplate(file.toString(), compile(file), variables);
    }

    private Expression compile(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Parser(reader).withSource(file.toString()).withFunctions(functions).compile();
        } catch (IOException e) {
            throw new MappingFailure("cannot read mapping template " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        } catch (JsltException e) {
            throw new MappingFailure("mapping template " + file + " does not compile: " + e.getMessage(), e);
        }
    }

    private JsonNode readValues(Path file) {
        try {
            JsonNode values = yaml.readTree(file.toFile());
            if (values == null || !values.isObject()) {
                throw new MappingFailure("value tables " + file + " must be a YAML mapping");
            }
            return values;
        } catch (IOException e) {
            throw new MappingFailure("value tables " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
