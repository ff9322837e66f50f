package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An operator logs into Hawtio with the bridge's admin login, in Debian's headless Chromium, and finds the bridge's
 * routes; after a sync, the http endpoints of ServiceNow and incident.io, and the statistics of the step that calls
 * the ServiceNow instance. The screenshots go to target/hawtio-routes.png, target/hawtio-endpoints.png and
 * target/hawtio-http-call-statistics.png (the copies in docs/ were taken from them). .ci/run installs
 * chromium and chromium-driver when they are missing; without them (a developer machine) the test does not run.
 */
@EnabledIf("io.incidentbridge.app.HeadlessChromium#installed")
class HawtioBrowserTest extends BridgeApplicationTest {


    @Test
    void theAdminLogsIntoHawtioAndSeesTheBridgeRoutes() throws Exception {
        WebDriver browser = HeadlessChromium.start("1400,1000");
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get("http://127.0.0.1:" + port + "/actuator/hawtio");
            HeadlessChromium.logIn(browser, wait, ADMIN_USER, ADMIN_PASSWORD);
            wait.until(d -> d.getCurrentUrl().contains("/actuator/hawtio") && d.findElements(By.name("password")).isEmpty());
            browser.get("http://127.0.0.1:" + port + "/actuator/hawtio/camel/routes");
            wait.until(d -> d.getPageSource().contains("incident-sync-to-servicenow"));
            assertThat(browser.getPageSource()).contains("incident-io-webhook-receive").contains("inbox-hand-ready-incidents-to-workers");
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, Path.of("target", "hawtio-routes.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            // After a sync, the Camel tree's endpoints node lists the ServiceNow instance and incident.io as http endpoints
            // (host and port only: no path, token or password in a URI).
            warmUp();
            browser.get("http://127.0.0.1:" + port + "/actuator/hawtio/camel/endpoints");
            String serviceNow = SERVICENOW.baseUrl().replaceFirst("^http://", "");
            String incidentIo = INCIDENTIO.baseUrl().replaceFirst("^http://", "");
            wait.until(d -> d.getPageSource().contains(serviceNow) && d.getPageSource().contains(incidentIo));
            select(browser, wait, "endpoints");
            // The table lists each endpoint's full URI (the tree only its host): wait for both http rows.
            wait.until(d -> shown(d).split("httpClientConfigurer", -1).length > 2);
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                    Path.of("target", "hawtio-endpoints.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            // The step that calls the ServiceNow instance shows its statistics: exchanges completed, processing times.
            WebElement search = wait.until(d -> d.findElements(By.cssSelector("input[type='search'], input[placeholder*='earch']"))
                    .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
            search.sendKeys("call-servicenow-instance");
            select(browser, wait, "call-servicenow-instance");
            wait.until(d -> shown(d).contains("ExchangesCompleted") && shown(d).contains("MeanProcessingTime"));
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                    Path.of("target", "hawtio-http-call-statistics.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (RuntimeException e) {
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "hawtio-failure.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            throw new AssertionError("Hawtio at " + browser.getCurrentUrl() + " shows: "
                    + browser.getPageSource().substring(0, Math.min(3000, browser.getPageSource().length())), e);
        } finally {
            browser.quit();
        }
    }

    /** Clicks the tree node or tab whose text is exactly {@code label}, once it is shown. */
    private static void select(WebDriver browser, WebDriverWait wait, String label) {
        WebElement node = wait.until(d -> d.findElements(By.xpath("//*[normalize-space(text())='" + label + "']")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(); arguments[0].click();", node);
    }

    /** The text of Hawtio's main pane (the tree and the selected node's view). */
    private static String shown(WebDriver browser) {
        return browser.findElements(By.tagName("main")).stream().map(WebElement::getText).reduce("", String::concat);
    }
}
