package io.incidentbridge.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.Function;
import com.schibsted.spt.data.jslt.JsltException;
import com.schibsted.spt.data.jslt.Parser;
import io.incidentbridge.config.BridgeProperties;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The templates and value tables in force, compiled. At first they are read from {@code bridge.mapping.directory};
 * with the database ({@link MappingVersions}) the versions in force come from there. A template that does not
 * compile, or value tables that do not parse, fail with the file name and the parser's line, column and reason;
 * the templates already in force stay in force.
 */
@Component
public class MappingTemplates {
    private final BridgeProperties properties;
    private final List<Function> functions;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private volatile Loaded loaded;
    private volatile Map<String, String> contents;
    private volatile long folderState;

    private static long fingerprint(Path file) {
        java.io.File real;
        try {
            real = file.toRealPath().toFile();
        } catch (IOException dangling) {
            return file.hashCode();
        }
        return java.util.Objects.hash(file.getFileName().toString(), real.getPath(), real.length(), real.lastModified());
    }

    /** The templates in force, replaced together so a reload never mixes versions. */
    record Loaded(MappingTemplate incident, MappingTemplate followUp, MappingTemplate note,
                  MappingTemplate serviceNowIncident, MappingTemplate serviceNowTask, JsonNode values) {
    }

    @Autowired
    public MappingTemplates(BridgeProperties properties, ReferenceLookups lookups) {
        this.properties = properties;
        BridgeProperties.Lookups missing = properties.lookups();
        List<Function> all = new java.util.ArrayList<>(LookupFunction.all(lookups, new LookupFunction.MissingReferences(
                missing.missingUser(), missing.missingGroup(), missing.missingConfigurationItem())));
        all.add(new TruncateFunction());
        this.functions = List.copyOf(all);
        Map<String, String> onDisk = filesOnDisk();
        this.loaded = compile(onDisk);
        MappingSelfCheck.check(loaded);
        this.contents = onDisk;
        this.folderState = folderFingerprint();
    }

    private MappingTemplates(MappingTemplates base, Map<String, String> contents) {
        this.properties = base.properties;
        this.functions = base.functions;
        this.contents = contents;
        this.loaded = compile(contents);
        MappingSelfCheck.check(loaded);
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

    /** The mapping files by name (file name under mappings/): the five templates, then the value tables. */
    public List<String> names() {
        BridgeProperties.Mapping mapping = properties.mapping();
        return List.of(mapping.incidentTemplate(), mapping.servicenowIncidentTemplate(), mapping.followUpTemplate(),
                mapping.servicenowTaskTemplate(), mapping.noteTemplate(), mapping.valueTables());
    }

    /** The text of each file in force, by name. */
    public Map<String, String> contents() {
        return contents;
    }

    /**
     * The same mapping with some files replaced by drafts, compiled and checked as a load would, never in force:
     * for validating and previewing unsaved content. Throws {@link MappingFailure} when a draft does not hold.
     */
    public MappingTemplates withDrafts(Map<String, String> drafts) {
        Map<String, String> candidate = new LinkedHashMap<>(contents);
        drafts.forEach((name, content) -> {
            if (!candidate.containsKey(name)) {
                throw new MappingFailure("there is no mapping file " + name + " (there are " + String.join(", ", names()) + ")");
            }
            candidate.put(name, content);
        });
        return new MappingTemplates(this, candidate);
    }

    /** Compiles and checks these contents (every name), then puts them in force together; on failure nothing changes. */
    public synchronized void putInForce(Map<String, String> candidate) {
        Loaded compiled = compile(candidate);
        MappingSelfCheck.check(compiled);
        loaded = compiled;
        contents = Map.copyOf(candidate);
    }

    /** Re-reads the files; on failure throws (file, line, reason) and keeps the previous versions. */
    public synchronized void reload() {
        putInForce(filesOnDisk());
        folderState = folderFingerprint();
    }

    /** Checks the files on disk as {@link #reload()} would, without putting them in force. */
    public void validate() {
        MappingSelfCheck.check(compile(filesOnDisk()));
    }

    /** Reloads when a file under the mapping folder changed since the last load; a bad file leaves the old ones in force. */
    public synchronized boolean reloadIfChanged() {
        if (!filesChanged()) {
            return false;
        }
        reload();
        return true;
    }

    /** True once after a file under the mapping folder changed (by its modification time). */
    public synchronized boolean filesChanged() {
        long newest = folderFingerprint();
        if (newest == folderState) {
            return false;
        }
        folderState = newest;
        return true;
    }

    /** The text of each mapping file on disk, by name. */
    public Map<String, String> filesOnDisk() {
        Path directory = Path.of(properties.mapping().directory());
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : names()) {
            Path file = directory.resolve(name);
            try {
                files.put(name, Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new MappingFailure("cannot read mapping file " + file.toAbsolutePath() + ": " + e.getMessage(), e, name, null, null);
            }
        }
        return files;
    }

    private long folderFingerprint() {
        try (java.util.stream.Stream<Path> files = Files.list(Path.of(properties.mapping().directory()))) {
            return files.sorted().mapToLong(MappingTemplates::fingerprint).reduce(17L, (a, b) -> 31 * a + b);
        } catch (IOException e) {
            throw new MappingFailure("cannot list the mapping folder " + properties.mapping().directory() + ": " + e.getMessage(), e);
        }
    }

    private Loaded compile(Map<String, String> candidate) {
        BridgeProperties.Mapping mapping = properties.mapping();
        JsonNode values = readValues(mapping.valueTables(), text(candidate, mapping.valueTables()));
        JsonNode bridge = yaml.createObjectNode().put("correlation_display", properties.servicenow().correlationDisplay());
        Map<String, JsonNode> variables = Map.of("values", values, "bridge", bridge);
        return new Loaded(template(mapping.incidentTemplate(), candidate, variables),
                template(mapping.followUpTemplate(), candidate, variables),
                template(mapping.noteTemplate(), candidate, variables),
                template(mapping.servicenowIncidentTemplate(), candidate, variables),
                template(mapping.servicenowTaskTemplate(), candidate, variables), values);
    }

    private static String text(Map<String, String> candidate, String name) {
        String text = candidate.get(name);
        if (text == null) {
            throw new MappingFailure("mapping file " + name + " is missing", null, name, null, null);
        }
        return text;
    }

    private MappingTemplate template(String name, Map<String, String> candidate, Map<String, JsonNode> variables) {
        String source = Path.of(properties.mapping().directory()).resolve(name).toString();
        return new MappingTemplate(source, compile(name, source, text(candidate, name)), variables);
    }

    private Expression compile(String name, String source, String text) {
        try {
            return new Parser(new StringReader(text)).withSource(source).withFunctions(functions).compile();
        } catch (JsltException e) {
            throw new MappingFailure("mapping template " + source + " does not compile: " + e.getMessage(), e,
                    name, e.getLine(), e.getColumn());
        }
    }

    private JsonNode readValues(String name, String text) {
        String source = Path.of(properties.mapping().directory()).resolve(name).toString();
        try {
            JsonNode values = yaml.readTree(text);
            if (values == null || !values.isObject()) {
                throw new MappingFailure("value tables " + source + " must be a YAML mapping", null, name, 1, 1);
            }
            return values;
        } catch (JsonProcessingException e) {
            Integer line = e.getLocation() == null ? null : e.getLocation().getLineNr();
            Integer column = e.getLocation() == null ? null : e.getLocation().getColumnNr();
            throw new MappingFailure("value tables " + source + " cannot be read: " + e.getOriginalMessage(), e, name, line, column);
        }
    }
}
