package io.incidentbridge.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The cases of a golden folder: the names of its {@code <case>.input.json} files, each with a {@code <case>.expected.json}. */
final class GoldenCases {
    private static final String INPUT = ".input.json";

    private GoldenCases() {
    }

    static List<String> in(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(INPUT))
                    .map(n -> n.substring(0, n.length() - INPUT.length())).sorted().toList();
        }
    }
}
