package io.incidentbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Password guessing, over HTTP Basic and the login form: a user or a client address with too many failures is refused
 * with 429 for the lockout duration, even with the right password; others are not affected; the lock ends. Clients are
 * told apart by X-Forwarded-For, as behind an ingress (the test talks to the bridge from loopback, a trusted proxy).
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"bridge.access.max-failed-logins=3", "bridge.access.max-failed-logins-per-address=6",
        "bridge.access.lockout-duration=4s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LoginThrottleApplicationTest extends BridgeApplicationTest {

    @DynamicPropertySource
    static void aBridgeOfItsOwn(DynamicPropertyRegistry registry) {
        aDatabaseOfItsOwn(registry, "bridge-login-throttle-tests");
    }
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aUserWithTooManyFailuresIsLockedEvenWithTheRightPasswordUntilTheLockEnds(CapturedOutput output) throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(basic(VIEWER_USER, "guess-" + attempt, "198.51.100." + attempt).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = basic(VIEWER_USER, VIEWER_PASSWORD, "198.51.100.9");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(locked.body()).contains("\"error\"");
        assertThat(formLogin(VIEWER_USER, VIEWER_PASSWORD, "198.51.100.10").statusCode()).isEqualTo(429);
        assertThat(basic(ADMIN_USER, ADMIN_PASSWORD, "198.51.100.9").statusCode()).as("another user").isEqualTo(200);

        assertThat(output.getAll().lines().filter(line -> line.contains("Logins locked for user '" + VIEWER_USER + "'")).count())
                .isEqualTo(1);
        assertThat(output.getAll()).doesNotContain("guess-0").doesNotContain(VIEWER_PASSWORD);
        assertThat(basic(ADMIN_USER, ADMIN_PASSWORD, "198.51.100.9", "/actuator/prometheus").body())
                .containsPattern("bridge_login_lockouts_total\\{[^}]*scope=\"user\"[^}]*} [1-9]");

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> basic(VIEWER_USER, VIEWER_PASSWORD, "198.51.100.11").statusCode() == 200);
    }

    @Test
    void anAddressWithTooManyFailuresIsLockedForEveryUserAndOtherAddressesAreNot() throws Exception {
        String guesser = "203.0.113.66";
        for (int attempt = 0; attempt < 6; attempt++) {
            assertThat(basic("nobody-" + attempt, "guess", guesser).statusCode()).isEqualTo(401);
        }
        assertThat(basic(ADMIN_USER, ADMIN_PASSWORD, guesser).statusCode()).isEqualTo(429);
        assertThat(formLogin(ADMIN_USER, ADMIN_PASSWORD, guesser).statusCode()).isEqualTo(429);
        assertThat(basic(ADMIN_USER, ADMIN_PASSWORD, "203.0.113.67").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> basic(ADMIN_USER, ADMIN_PASSWORD, guesser).statusCode() == 200);
    }

    @Test
    void failedFormLoginsCountToo() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            HttpResponse<String> failed = formLogin("form-guesser", "guess-" + attempt, "192.0.2." + attempt);
            assertThat(failed.headers().firstValue("Location").orElse("")).contains("error");
        }
        assertThat(formLogin("form-guesser", "guess", "192.0.2.50").statusCode()).isEqualTo(429);
    }

    private HttpResponse<String> basic(String user, String password, String client) throws Exception {
        return basic(user, password, client, "/api/dead-letters");
    }

    private HttpResponse<String> basic(String user, String password, String client, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Forwarded-For", client)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The login form as a browser posts it: the CSRF token of the login page, then the credentials. */
    private HttpResponse<String> formLogin(String user, String password, String client) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("X-Forwarded-For", client).build(), HttpResponse.BodyHandlers.ofString());
        String token = page.body().replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
        String form = "username=" + user + "&password=" + password + "&_csrf=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("X-Forwarded-For", client).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
