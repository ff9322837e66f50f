package io.incidentbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentbridge.TestSettings;
import io.incidentbridge.mapping.DirectoryLookups;
import io.incidentbridge.mapping.MappingTemplates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routes and mappings laid out the way deploy tools and Kubernetes lay them out: a folder that is a symbolic link,
 * and a ConfigMap volume ({@code x.camel.yaml -> ..data/x.camel.yaml}, {@code ..data -> ..2026_12_04_v1}), which
 * updates by pointing {@code ..data} at a new folder.
 */
class SymbolicLinkLayoutTest {
    private static final String ROUTES = "/*.camel.yaml";
    @TempDir
    Path work;

    @Test
    void routesLoadFromAFolderThatIsASymbolicLink() throws Exception {
        Path real = copyOf(Path.of("routes"), Files.createDirectories(work.resolve("release/routes")));
        Path link = Files.createSymbolicLink(work.resolve("routes"), real);

        assertThat(names(found(RoutesFolder.realFolders("file:" + link + ROUTES)))).containsExactlyInAnyOrderElementsOf(shippedRoutes());
    }

    @Test
    void routesLoadFromAConfigMapVolume() throws Exception {
        Path volume = configMap(work.resolve("routes"), Path.of("routes"), "..2026_12_04_v1");

        assertThat(names(found(RoutesFolder.realFolders("file:" + volume + ROUTES)))).containsExactlyInAnyOrderElementsOf(shippedRoutes());
    }

    @Test
    void routesLoadFromAConfigMapVolumeMountedThroughALink() throws Exception {
        Path volume = configMap(work.resolve("volumes/routes"), Path.of("routes"), "..2026_12_04_v1");
        Path link = Files.createSymbolicLink(work.resolve("routes"), volume);

        assertThat(names(found(RoutesFolder.realFolders("file:" + link + ROUTES)))).containsExactlyInAnyOrderElementsOf(shippedRoutes());
    }

    @Test
    void otherPatternsAreLeftAsTheyAre() {
        assertThat(RoutesFolder.realFolders("classpath:routes/*.yaml")).isEqualTo("classpath:routes/*.yaml");
        assertThat(RoutesFolder.realFolders("file:" + work.resolve("absent") + ROUTES)).isEqualTo("file:" + work.resolve("absent") + ROUTES);
    }

    @Test
    void mappingsLoadFromAConfigMapAndReloadWhenItsDataIsSwapped() throws Exception {
        Path volume = configMap(work.resolve("mappings"), Path.of("mappings"), "..2026_12_04_v1");
        MappingTemplates templates = new MappingTemplates(
                TestSettings.load(Map.of("bridge.mapping.directory", volume.toString())), DirectoryLookups.sample());
        assertThat(templates.values().has("added_by_the_update")).isFalse();
        assertThat(templates.reloadIfChanged()).isFalse();

        // kubelet writes the new version into a folder of its own and then swaps the ..data link in one step.
        Path next = copyOf(Path.of("mappings"), Files.createDirectories(volume.resolve("..2026_12_04_v2")));
        Files.writeString(next.resolve("values.yaml"), Files.readString(next.resolve("values.yaml")) + "\nadded_by_the_update: {a: b}\n");
        FileTime old = Files.getLastModifiedTime(volume.resolve("..2026_12_04_v1/values.yaml"));
        try (Stream<Path> files = Files.list(next)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, old);
            }
        }
        Path swap = Files.createSymbolicLink(volume.resolve("..data_tmp"), Path.of("..2026_12_04_v2"));
        Files.move(swap, volume.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        assertThat(templates.reloadIfChanged()).isTrue();
        assertThat(templates.values().has("added_by_the_update")).isTrue();
    }

    /** A ConfigMap volume as kubelet lays it out, holding copies of the files in {@code source}. */
    private static Path configMap(Path volume, Path source, String version) throws IOException {
        copyOf(source, Files.createDirectories(volume.resolve(version)));
        Files.createSymbolicLink(volume.resolve("..data"), Path.of(version));
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.createSymbolicLink(volume.resolve(file.getFileName()), Path.of("..data").resolve(file.getFileName()));
            }
        }
        return volume;
    }

    private static Path copyOf(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    private static Collection<Resource> found(String pattern) throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.build();
            return PluginHelper.getPackageScanResourceResolver(camel).findResources(pattern);
        }
    }

    private static List<String> names(Collection<Resource> resources) {
        return resources.stream().map(r -> Path.of(r.getLocation().replaceFirst("^file:", "")).getFileName().toString()).toList();
    }

    private static List<String> shippedRoutes() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }
}
