package io.incidentbridge.ops;

import io.incidentbridge.errors.NotFound;
import io.incidentbridge.mapping.MappingFailure;
import io.incidentbridge.mapping.MappingTemplates;
import io.incidentbridge.mapping.MappingVersion;
import io.incidentbridge.mapping.MappingVersionRepository;
import io.incidentbridge.mapping.MappingVersions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * The mapping versions in the admin API (and so on the /mappings page): list, show, save, history and restore. A file
 * is named by its file name under mappings/ ({@code values.yaml}); a template also without {@code .jslt}.
 */
@Component
public class MappingWorkbench {
    /** Sent by the /mappings page, so its saves are told apart from other API calls in the history. */
    public static final String SOURCE_HEADER = "X-Mapping-Source";

    private final MappingTemplates templates;
    private final MappingVersions versions;
    private final MappingVersionRepository repository;

    public MappingWorkbench(MappingTemplates templates, MappingVersions versions, MappingVersionRepository repository) {
        this.templates = templates;
        this.versions = versions;
        this.repository = repository;
    }

    /** Every template and value table with its version in force. */
    public List<Map<String, Object>> list() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (MappingVersion version : versions.current()) {
            list.add(summary(version));
        }
        return list;
    }

    public Map<String, Object> show(@Header("name") String name) {
        String file = file(name);
        return full(repository.current(file).orElseThrow(() -> new NotFound("no version of " + file)));
    }

    /** {@code {"content", "base_version" (optional), "comment"}} becomes the next version, in force at once. */
    public Map<String, Object> save(@Header("name") String name, @Body Map<String, Object> request, Exchange exchange) {
        String file = file(name);
        if (request == null || !(request.get("content") instanceof String content)) {
            throw new IllegalArgumentException("send {\"content\": \"...\", \"base_version\": N, \"comment\": \"...\"}");
        }
        Integer base = baseVersion(request.get("base_version"));
        Object comment = request.get("comment");
        MappingVersion saved = save(() -> versions.save(file, content, base, comment == null ? null : comment.toString(),
                AuthenticatedUser.of(exchange), source(exchange)));
        return summary(saved);
    }

    /** Every version of the file, newest first. */
    public List<Map<String, Object>> history(@Header("name") String name) {
        String file = file(name);
        List<Map<String, Object>> history = new ArrayList<>();
        for (MappingVersion version : repository.versions(file)) {
            Map<String, Object> entry = summary(version);
            entry.remove("name");
            history.add(entry);
        }
        return history;
    }

    public Map<String, Object> version(@Header("name") String name, @Header("version") String version) {
        String file = file(name);
        int number = number(version);
        return full(repository.version(file, number).orElseThrow(() -> new NotFound("there is no version " + number + " of " + file)));
    }

    /** Saves an earlier version's content as the next version. */
    public Map<String, Object> restore(@Header("name") String name, @Header("version") String version, Exchange exchange) {
        String file = file(name);
        int number = number(version);
        repository.version(file, number).orElseThrow(() -> new NotFound("there is no version " + number + " of " + file));
        return summary(save(() -> versions.restore(file, number, AuthenticatedUser.of(exchange), source(exchange))));
    }

    /** A version with its content, as GET /api/mappings/{name} shows it (and the 409 of a stale save). */
    static Map<String, Object> full(MappingVersion version) {
        Map<String, Object> full = summary(version);
        full.put("content", version.content());
        return full;
    }

    private static Map<String, Object> summary(MappingVersion version) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", version.name());
        summary.put("version", version.version());
        summary.put("source", version.source());
        summary.put("updated_at", version.updatedAt());
        summary.put("updated_by", version.updatedBy());
        summary.put("comment", version.comment());
        return summary;
    }

    private static MappingVersion save(java.util.function.Supplier<MappingVersion> save) {
        try {
            return save.get();
        } catch (MappingVersions.Invalid | MappingVersions.Stale e) {
            throw e;
        } catch (MappingFailure e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private String file(String name) {
        for (String file : templates.names()) {
            if (file.equals(name) || file.equals(name + ".jslt")) {
                return file;
            }
        }
        throw new NotFound("there is no mapping file " + name + " (there are " + String.join(", ", templates.names()) + ")");
    }

    private static String source(Exchange exchange) {
        return MappingVersion.PAGE.equals(exchange.getMessage().getHeader(SOURCE_HEADER, String.class)) ? MappingVersion.PAGE
                : MappingVersion.API;
    }

    private static Integer baseVersion(Object given) {
        if (given == null) {
            return null;
        }
        if (given instanceof Number number) {
            return number.intValue();
        }
        return number(given.toString());
    }

    private static int number(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a version is a number, not " + version, null);
        }
    }
}
