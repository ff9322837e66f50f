package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The admin API describes itself: /api/openapi.json, read with a real OpenAPI parser, has every call the routes serve
 * with its parameters, request body and answers (with examples), and Swagger UI shows it at /api/docs to logged-in users.
 */
class OpenApiDocumentApplicationTest extends BridgeApplicationTest {
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    @Test
    void everyCallTheRoutesServeIsDescribedWithItsParametersBodiesAndAnswers() throws Exception {
        HttpResponse<String> document = new AdminClient(port).call("GET", "/api/openapi.json", VIEWER_USER, VIEWER_PASSWORD);
        assertThat(document.statusCode()).isEqualTo(200);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document.body());
        assertThat(parsed.getMessages()).as("what the OpenAPI parser found wrong").isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        assertThat(api).isNotNull();

        JsonNode rest = new ObjectMapper(new YAMLFactory()).readTree(Path.of("routes/admin-api.camel.yaml").toFile()).get(0).path("rest");
        int described = 0;
        for (String method : List.of("get", "put", "post")) {
            for (JsonNode verb : rest.path(method)) {
                String path = rest.path("path").asText() + verb.path("path").asText();
                Operation operation = operation(api, path, method);
                assertThat(operation).as(method.toUpperCase() + " " + path + " in the OpenAPI document").isNotNull();
                String call = method.toUpperCase() + " " + path;
                assertThat(operation.getSummary() + operation.getDescription()).as(call + " description").isNotBlank();

                List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
                Matcher inPath = PATH_PARAMETER.matcher(path);
                while (inPath.find()) {
                    String name = inPath.group(1);
                    assertThat(parameters).as(call + " path parameter " + name)
                            .anyMatch(p -> p.getName().equals(name) && p.getIn().equals("path") && Boolean.TRUE.equals(p.getRequired()));
                }
                for (JsonNode param : verb.path("param")) {
                    String name = param.path("name").asText();
                    if (param.path("type").asText().equals("body")) {
                        assertThat(operation.getRequestBody()).as(call + " request body").isNotNull();
                        MediaType body = operation.getRequestBody().getContent().get("application/json");
                        assertThat(body).as(call + " JSON request body").isNotNull();
                        assertThat(body.getExample() != null || body.getExamples() != null).as(call + " request body example").isTrue();
                    } else {
                        assertThat(parameters).as(call + " parameter " + name).anyMatch(p -> p.getName().equals(name)
                                && p.getIn().equals(param.path("type").asText()) && p.getDescription() != null
                                && (p.getExample() != null || p.getExamples() != null));
                    }
                }
                ApiResponse ok = operation.getResponses().get("200");
                assertThat(ok).as(call + " answer 200").isNotNull();
                MediaType answer = ok.getContent().get("application/json");
                assertThat(answer).as(call + " JSON answer").isNotNull();
                assertThat(answer.getExample() != null || answer.getExamples() != null).as(call + " answer example").isTrue();
                described++;
            }
        }
        assertThat(described).isEqualTo(19);
        Operation deadLetters = operation(api, "/api/dead-letters", "get");
        assertThat(deadLetters.getResponses().get("200").getContent().get("application/json").getSchema()).as("dead letters schema").isNotNull();
    }

    @Test
    void swaggerUiIsServedFromTheJarToLoggedInUsers() throws Exception {
        AdminClient client = new AdminClient(port);
        HttpResponse<String> docs = client.call("GET", "/api/docs", VIEWER_USER, VIEWER_PASSWORD);
        assertThat(docs.statusCode()).isEqualTo(302);
        assertThat(docs.headers().firstValue("Location").orElse("")).endsWith("/api/docs/index.html");
        HttpResponse<String> page = client.call("GET", "/api/docs/index.html", VIEWER_USER, VIEWER_PASSWORD);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js").doesNotContain("https://").doesNotContain("http://");
        assertThat(client.call("GET", "/api/docs/start.js", VIEWER_USER, VIEWER_PASSWORD).body()).contains("/api/openapi.json");
        HttpResponse<String> bundle = client.call("GET", "/webjars/swagger-ui/swagger-ui-bundle.js", VIEWER_USER, VIEWER_PASSWORD);
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        assertThat(client.call("GET", "/api/docs/index.html", null, null).statusCode()).isIn(401, 302);
    }

    /** The operation, whether the document lists paths with the /api prefix or puts it in its server URL. */
    private static Operation operation(OpenAPI api, String path, String method) {
        PathItem item = api.getPaths().get(path);
        if (item == null) {
            item = api.getPaths().get(path.substring("/api".length()));
        }
        if (item == null) {
            return null;
        }
        return switch (method) {
            case "get" -> item.getGet();
            case "put" -> item.getPut();
            default -> item.getPost();
        };
    }
}
