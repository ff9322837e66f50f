package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An admin works on the incident template at /mappings in Debian's headless Chromium: logs in, breaks the template and
 * sees the error marked at its line, fixes it, previews the draft against a live incident, saves it and sees the next
 * sync write the new value to ServiceNow, then restores the previous version and sees the sync after that use it again.
 * Screenshots go to target/mapping-workbench*.png (the copies in docs/ were taken from them).
 */
@EnabledIf("io.incidentbridge.app.HeadlessChromium#installed")
class MappingWorkbenchBrowserTest extends BridgeApplicationTest {
    private static final String TEMPLATE = "incident-to-servicenow.jslt";
    private static final String NAME_LINE = "\"short_description\": truncate(.name, 160),";
    private static final String PREFIXED_LINE = "\"short_description\": truncate(\"Workbench: \" + .name, 160),";
    private final ObjectMapper json = new ObjectMapper();


    @AfterEach
    void putTheFileContentBackInForce() throws Exception {
        String file = Files.readString(MAPPINGS.resolve(TEMPLATE));
        JsonNode current = json.readTree(new AdminClient(port).call("GET", "/api/mappings/" + TEMPLATE, ADMIN_USER, ADMIN_PASSWORD).body());
        if (!current.path("content").asText().equals(file)) {
            new AdminClient(port).call("PUT", "/api/mappings/" + TEMPLATE, ADMIN_USER, ADMIN_PASSWORD,
                    json.writeValueAsString(Map.of("content", file, "comment", "back to the file")));
        }
    }

    @Test
    void theAdminBreaksFixesPreviewsSavesAndRestoresTheIncidentTemplate() throws Exception {
        ObjectNode incident = newIncident("Browser workbench");
        String id = incident.path("id").asText();
        webhooks().send(event("public_incident.incident_created_v2", id));
        Map<String, String> record = awaitServiceNowIncident(id, Map.of("short_description", "Browser workbench"));
        int base = json.readTree(new AdminClient(port).call("GET", "/api/mappings/" + TEMPLATE, ADMIN_USER, ADMIN_PASSWORD).body())
                .path("version").asInt();

        WebDriver browser = HeadlessChromium.start("1500,1300");
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get("http://127.0.0.1:" + port + "/mappings");
            HeadlessChromium.logIn(browser, wait, ADMIN_USER, ADMIN_PASSWORD);
            wait.until(d -> d.getCurrentUrl().contains("/mappings") && d.findElements(By.name("password")).isEmpty()
                    && !d.findElements(By.cssSelector("#files tbody tr")).isEmpty());
            assertThat(browser.findElements(By.cssSelector("#files tbody tr"))).hasSize(6);
            browser.findElement(By.cssSelector("#files tbody tr[data-name='" + TEMPLATE + "']")).click();
            wait.until(d -> code(d).contains(NAME_LINE));
            String original = code(browser);
            int line = lineOf(original, NAME_LINE);

            type(browser, original.replace(NAME_LINE, "\"short_description\": truncate(.name, 160) +,"));
            wait.until(d -> d.findElement(By.id("problem")).getText().startsWith("Line " + line));
            assertThat(browser.findElement(By.cssSelector("#gutter .ln.error")).getAttribute("textContent")).isEqualTo(String.valueOf(line));
            browser.findElement(By.id("problem")).click();
            wait.until(d -> d.findElement(By.cssSelector("#gutter .ln.error")).isDisplayed());
            shoot(browser, "mapping-workbench-error.png");

            type(browser, original.replace(NAME_LINE, PREFIXED_LINE));
            wait.until(d -> d.findElement(By.id("problem")).getText().equals("No problems."));
            assertThat(browser.findElements(By.cssSelector("#gutter .ln.error"))).isEmpty();

            browser.findElement(By.id("preview-key")).sendKeys(incident.path("reference").asText());
            browser.findElement(By.id("preview")).click();
            wait.until(d -> !d.findElements(By.id("preview-summary")).isEmpty());
            assertThat(browser.findElement(By.id("preview-summary")).getText())
                    .isEqualTo("this draft would change 1 field on " + record.get("number") + ": short_description");
            assertThat(browser.findElement(By.cssSelector("#preview-fields tr.changed")).getText())
                    .contains("Workbench: Browser workbench").contains("Browser workbench");
            assertThat(browser.findElement(By.id("servicenow-fields")).getText()).contains("short_description");
            assertThat(serviceNowIncident(id).orElseThrow()).containsEntry("short_description", "Browser workbench");
            shoot(browser, "mapping-workbench.png");

            browser.findElement(By.id("comment")).sendKeys("Prefix the short description");
            browser.findElement(By.id("save")).click();
            wait.until(d -> d.findElement(By.id("save-result")).getText().equals("Saved as version " + (base + 1) + "."));
            webhooks().send(event("public_incident.incident_updated_v2", id));
            awaitServiceNowIncident(id, Map.of("short_description", "Workbench: Browser workbench"));

            wait.until(d -> !d.findElements(By.cssSelector("#history tr[data-version='" + base + "'] button.restore")).isEmpty());
            browser.findElement(By.cssSelector("#history tr[data-version='" + base + "'] button.restore")).click();
            wait.until(d -> d.findElement(By.id("save-result")).getText()
                    .equals("Version " + base + " restored as version " + (base + 2) + "."));
            assertThat(browser.findElement(By.cssSelector("#history tbody tr")).getText()).contains("Restored version " + base);
            browser.findElement(By.id("compare")).click();
            wait.until(d -> d.findElement(By.id("version-diff")).getText().contains("+ " + PREFIXED_LINE.trim())
                    || d.findElement(By.id("version-diff")).getText().contains("- "));
            shoot(browser, "mapping-workbench-history.png");
            webhooks().send(event("public_incident.incident_updated_v2", id));
            awaitServiceNowIncident(id, Map.of("short_description", "Browser workbench"));
        } catch (RuntimeException | AssertionError e) {
            shoot(browser, "mapping-workbench-failure.png");
            throw new AssertionError("/mappings at " + browser.getCurrentUrl() + " shows: "
                    + browser.getPageSource().substring(0, Math.min(3000, browser.getPageSource().length())), e);
        } finally {
            browser.quit();
        }
    }

    private static String code(WebDriver browser) {
        return (String) ((JavascriptExecutor) browser).executeScript("return document.getElementById('code').value;");
    }

    /** Puts the text in the editor as typing would end with it (an input event), without typing it key by key. */
    private static void type(WebDriver browser, String text) {
        ((JavascriptExecutor) browser).executeScript("const code = document.getElementById('code'); code.value = arguments[0];"
                + " code.dispatchEvent(new Event('input'));", text);
    }

    private static void shoot(WebDriver browser, String name) throws Exception {
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", name),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static int lineOf(String text, String line) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(line)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line " + line);
    }
}
