package io.incidentbridge.emulator.incidentio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.Json;
import java.net.URI;
import java.util.Set;

/**
 * Turns a connect_external_issue payload ({@code {provider, url}}) into an ExternalIssueReferenceV2
 * ({@code {provider, issue_name, issue_permalink}}, providers as listed in reference b.3). The issue name is
 * the URL's last path segment or, for ServiceNow's {@code ?sys_id=} style links, the query value.
 */
final class ExternalIssues {
    static final Set<String> PROVIDERS = Set.of("asana", "azure_devops", "click_up", "linear", "jira", "jira_server",
            "github", "gitlab", "service_now", "shortcut");

    ObjectNode reference(JsonNode body) {
        String provider = Json.text(body, "provider");
        String url = Json.text(body, "url");
        if (provider == null) {
            throw ApiError.required("provider");
        }
        if (url == null) {
            throw ApiError.required("url");
        }
        if (!PROVIDERS.contains(provider)) {
            throw ApiError.invalid("provider", "provider must be one of " + PROVIDERS);
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("url", url + " is not a URL");
        }
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
            throw ApiError.invalid("url", url + " is not an http(s) URL");
        }
        return Json.object().put("provider", provider).put("issue_name", issueName(uri)).put("issue_permalink", url);
    }

    private static String issueName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (uri.getQuery() != null && (last.isEmpty() || last.endsWith(".do"))) {
            String query = uri.getQuery();
            return query.substring(query.lastIndexOf('=') + 1);
        }
        return last.isEmpty() ? uri.getHost() : last;
    }
}
