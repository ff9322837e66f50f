package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.api.management.ManagedCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An admin logged in at /login visits a page of another origin (127.0.0.2 against the bridge at localhost) that submits
 * forms (text/plain and form-urlencoded, at the top level, where Chromium sends the most cookies) and calls fetch() with
 * credentials against the admin API and Jolokia. None of it may reach a route or an MBean.
 */
@EnabledIf("io.incidentbridge.app.HeadlessChromium#installed")
class CrossSiteRequestBrowserTest extends BridgeApplicationTest {
    private static final String TARGET_ROUTE = "admin-lists-reconciliation-runs";
    private static final Map<String, String> REACHABLE_ROUTES = Map.of(
            "/api/reconciliation/runs?dryRun=true", "admin-runs-a-reconciliation",
            "/api/dead-letters/replay", "admin-replays-matching-dead-letters",
            "/api/mappings/reload", "admin-reloads-mappings");

    @Test
    void aForeignPageCannotUseTheAdminsSessionForTheApiOrJolokia() throws Exception {
        String bridge = "http://localhost:" + port;
        Map<String, String> pages = foreignPages(bridge);
        HttpServer foreign = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        foreign.createContext("/", exchange -> {
            String page = pages.getOrDefault(exchange.getRequestURI().getPath(), "<html><body>nothing here</body></html>");
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        foreign.start();
        String evil = "http://127.0.0.2:" + foreign.getAddress().getPort();
        long runsBefore = reconciliationRuns();
        Map<String, Long> exchangesBefore = exchanges();
        WebDriver browser = HeadlessChromium.start("1280,900");
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get(bridge + "/login");
            HeadlessChromium.logIn(browser, wait, ADMIN_USER, ADMIN_PASSWORD);
            wait.until(d -> !d.getCurrentUrl().contains("/login"));
            assertThat(browser.manage().getCookieNamed("JSESSIONID")).as("the admin is logged in").isNotNull();

            for (String page : pages.keySet()) {
                if (page.startsWith("/form")) {
                    browser.get(evil + page);
                    // The form submits itself: the browser leaves the foreign page for the bridge's answer.
                    wait.until(d -> d.getCurrentUrl().startsWith(bridge));
                }
            }
            browser.get(evil + "/fetch");
            wait.until(d -> "done".equals(d.getTitle()));
        } finally {
            browser.quit();
            foreign.stop(0);
        }

        try {
            assertThat(reconciliationRuns()).as("reconciliation runs recorded").isEqualTo(runsBefore);
            assertThat(exchanges()).as("admin API routes reached").isEqualTo(exchangesBefore);
            assertThat(camel.getRouteController().getRouteStatus(TARGET_ROUTE)).as("route stopped through Jolokia")
                    .isEqualTo(ServiceStatus.Started);
        } finally {
            if (camel.getRouteController().getRouteStatus(TARGET_ROUTE) != ServiceStatus.Started) {
                camel.getRouteController().startRoute(TARGET_ROUTE);
            }
        }
    }

    /** Pages of the foreign origin: one auto-submitting form each, and one that calls fetch() on every door. */
    private static Map<String, String> foreignPages(String bridge) {
        String jolokiaStop = "{\"type\":\"exec\",\"mbean\":\"org.apache.camel:context=incident-bridge,type=routes,name=\\\""
                + TARGET_ROUTE + "\\\"\",\"operation\":\"stop()\",\"padding\":\"";
        Map<String, String> pages = new LinkedHashMap<>();
        int n = 0;
        for (String path : REACHABLE_ROUTES.keySet()) {
            pages.put("/form-text-" + n, form(bridge + path, "text/plain", "{\"padding\":\"", "\"}"));
            pages.put("/form-urlencoded-" + n, form(bridge + path, "application/x-www-form-urlencoded", "dryRun", "true"));
            n++;
        }
        pages.put("/form-jolokia", form(bridge + "/actuator/jolokia/", "text/plain", jolokiaStop, "\"}"));
        StringBuilder calls = new StringBuilder();
        for (String path : REACHABLE_ROUTES.keySet()) {
            calls.append(fetch(bridge + path, "{}"));
        }
        calls.append(fetch(bridge + "/actuator/jolokia/", jolokiaStop + "\"}"));
        pages.put("/fetch", "<html><head><title>busy</title></head><body><script>Promise.allSettled([" + calls
                + "]).then(() => { document.title = 'done'; });</script></body></html>");
        return pages;
    }

    private static String form(String action, String encoding, String name, String value) {
        return "<html><body><form method=\"post\" enctype=\"" + encoding + "\" action=\"" + action + "\">"
                + "<input type=\"hidden\" name=\"" + html(name) + "\" value=\"" + html(value) + "\"></form>"
                + "<script>document.forms[0].submit();</script></body></html>";
    }

    private static String fetch(String url, String body) {
        return "fetch('" + url + "', {method: 'POST', credentials: 'include', mode: 'no-cors', "
                + "headers: {'Content-Type': 'text/plain'}, body: " + js(body) + "}),";
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    private static String js(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private long reconciliationRuns() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM reconciliation_run", Long.class);
    }

    private Map<String, Long> exchanges() throws Exception {
        ManagedCamelContext managed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String route : REACHABLE_ROUTES.values()) {
            counts.put(route, managed.getManagedRoute(route).getExchangesTotal());
        }
        return counts;
    }

}
