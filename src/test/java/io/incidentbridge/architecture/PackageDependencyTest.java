package io.incidentbridge.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Packages depend downward, never back up the layers: read from the imports (and fully qualified names) of the
 * production sources, so a violation names the file and the line.
 */
class PackageDependencyTest {
    private static final Path SOURCES = Path.of("src/main/java/io/incidentbridge");
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.incidentbridge\\.([a-z]+)\\.");

    @ParameterizedTest(name = "{0} does not depend on {1}")
    @CsvSource({
            "errors, ops",
            "errors, incidentio",
            "errors, backsync",
            "errors, sync",
            "inbox, ops",
            "mapping, sync",
            "mapping, ops",
            "model, sync",
            "model, mapping",
            "webhooks, ops",
            "servicenow, sync",
            "incidentio, sync",
    })
    void packagesDoNotDependBackUpTheLayers(String from, String forbidden) throws IOException {
        assertThat(references(from, forbidden)).as(from + " -> " + forbidden).isEmpty();
    }

    private static List<String> references(String from, String forbidden) throws IOException {
        List<String> found = new ArrayList<>();
        Path dir = SOURCES.resolve(from);
        assertThat(dir).as("package " + from).isDirectory();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher reference = REFERENCE.matcher(lines.get(i));
                    while (reference.find()) {
                        if (reference.group(1).equals(forbidden)) {
                            found.add(SOURCES.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
                        }
                    }
                }
            }
        }
        return found;
    }
}
