package io.incidentbridge.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.incidentbridge.errors.BridgeErrorPolicy;
import io.incidentbridge.ops.RequiredRoutes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every route in routes/ has a kebab-case id, names one of the shared error-policy configurations, and
 * declares no error handling of its own (which would silently override the shared policy), and the folder holds
 * exactly the routes the bridge refuses to start without ({@link RequiredRoutes}).
 */
class RouteInventoryTest {
    private static final Set<String> POLICIES = Set.of(BridgeErrorPolicy.WEBHOOK_EDGE, BridgeErrorPolicy.SYNC, BridgeErrorPolicy.POLL, BridgeErrorPolicy.ADMIN,
            BridgeErrorPolicy.OUTBOUND);
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void everyRouteIsNamedAndUsesTheSharedErrorPolicy() throws IOException {
        List<JsonNode> routes = routes();
        assertThat(routes).isNotEmpty();
        for (JsonNode route : routes) {
            String id = route.path("id").asText();
            assertThat(id).as("route id").matches("[a-z0-9]+(-[a-z0-9]+)+");
            assertThat(route.path("routeConfigurationId").asText()).as("routeConfigurationId of " + id).isIn(POLICIES);
            String text = route.toString();
            assertThat(text).as(id + " declares its own error handling")
                    .doesNotContain("onException").doesNotContain("errorHandler").doesNotContain("doTry");
        }
    }

    @Test
    void routeFilesUseTheCamelYamlSuffixAndRouteIdsAreUnique() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.endsWith(".camel.yaml"));
        }
        List<String> ids = routes().stream().map(r -> r.path("id").asText()).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void theRetentionCleanUpIsAClusteredQuartzRouteOfItsOwn() throws IOException {
        JsonNode route = yaml.readTree(Path.of("routes", "retention.camel.yaml").toFile()).get(0).get("route");
        assertThat(route.path("id").asText()).isEqualTo("remove-expired-records");
        assertThat(route.path("from").path("uri").asText()).startsWith("quartz:");
        assertThat(route.path("from").path("parameters").path("stateful").asBoolean()).isTrue();
        assertThat(route.path("from").path("parameters").path("cron").asText()).isEqualTo("{{bridge.retention.cron}}");
    }

    /** One list of the routes the bridge needs: the shipped files hold exactly these, and startup checks them too. */
    @Test
    void theShippedRoutesAreExactlyTheOnesTheBridgeRequiresAtStartup() throws IOException {
        List<String> ids = routes().stream().map(r -> r.path("id").asText()).toList();
        assertThat(ids).containsExactlyInAnyOrderElementsOf(RequiredRoutes.IDS);
    }

    private List<JsonNode> routes() throws IOException {
        List<JsonNode> routes = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.sorted().toList()) {
                for (JsonNode entry : yaml.readTree(file.toFile())) {
                    if (entry.has("route")) {
                        routes.add(entry.get("route"));
                    }
                }
            }
        }
        return routes;
    }
}
