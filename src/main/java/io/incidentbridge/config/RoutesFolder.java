package io.incidentbridge.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Camel walks a {@code file:} route folder without following symbolic links, so a {@code routes/} that is itself a
 * link (deploy tools, Kubernetes volumes) loads nothing. The folder of each {@code file:} pattern is replaced by
 * its real path before Camel reads it. Files that are links (a ConfigMap's {@code x.camel.yaml -> ..data/x.camel.yaml})
 * are read through their link as they are.
 */
public class RoutesFolder implements EnvironmentPostProcessor {
    static final String PATTERN = "camel.main.routes-include-pattern";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder.get(environment).bind(PATTERN, String.class).ifBound(pattern -> {
            String real = realFolders(pattern);
            if (!real.equals(pattern)) {
                environment.getPropertySources().addFirst(new MapPropertySource("routes-folder", Map.of(PATTERN, real)));
            }
        });
    }

    /** {@code file:routes/*.camel.yaml} with {@code routes -> /etc/bridge/routes} is {@code file:/etc/bridge/routes/*.camel.yaml}. */
    static String realFolders(String patterns) {
        return Arrays.stream(patterns.split(",")).map(String::trim).map(RoutesFolder::realFolder).collect(Collectors.joining(","));
    }

    private static String realFolder(String pattern) {
        if (!pattern.startsWith("file:")) {
            return pattern;
        }
        String path = pattern.substring("file:".length());
        int wildcard = firstWildcard(path);
        int slash = path.lastIndexOf('/', wildcard);
        if (slash < 0) {
            return pattern;
        }
        Path folder = Path.of(path.substring(0, slash));
        if (!Files.isDirectory(folder)) {
            return pattern;
        }
        try {
            return "file:" + folder.toRealPath() + path.substring(slash);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve the route folder " + folder, e);
        }
    }

    private static int firstWildcard(String path) {
        for (int i = 0; i < path.length(); i++) {
            if ("*?{[".indexOf(path.charAt(i)) >= 0) {
                return i;
            }
        }
        return path.length();
    }
}
