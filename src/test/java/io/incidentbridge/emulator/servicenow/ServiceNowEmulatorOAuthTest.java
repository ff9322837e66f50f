package io.incidentbridge.emulator.servicenow;

import static io.incidentbridge.emulator.servicenow.EmulatorClient.basic;
import static io.incidentbridge.emulator.servicenow.EmulatorClient.form;
import static io.incidentbridge.emulator.servicenow.EmulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceNowEmulatorOAuthTest extends EmulatorTestBase {

    private static final String DENIED = "{\"error_description\":\"access_denied\",\"error\":\"server_error\"}";
    private static final String TOKEN_CHARS = "[A-Za-z0-9_-]{86}";

    @Test
    void passwordGrantReturnsTheDocumentedTokenResponse() {
        HttpResponse<String> response = client.passwordGrant(ServiceNowEmulator.USERNAME, ServiceNowEmulator.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        JsonNode body = json(response);
        assertThat(body.fieldNames()).toIterable()
                .containsExactly("scope", "token_type", "expires_in", "refresh_token", "access_token");
        assertThat(body.get("scope").asText()).isEqualTo("useraccount");
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").isNumber()).isTrue();
        assertThat(body.get("expires_in").asInt()).isEqualTo(1799);
        assertThat(body.get("access_token").asText()).matches(TOKEN_CHARS);
        assertThat(body.get("refresh_token").asText()).matches(TOKEN_CHARS).isNotEqualTo(body.get("access_token").asText());
    }

    @Test
    void clientMayAuthenticateWithHttpBasicAsCamelDoes() {
        String form = form("grant_type", "password", "username", ServiceNowEmulator.USERNAME,
                "password", ServiceNowEmulator.PASSWORD);

        HttpResponse<String> response = client.tokenRequest(form,
                basic(ServiceNowEmulator.CLIENT_ID, ServiceNowEmulator.CLIENT_SECRET));

        assertThat(response.statusCode()).isEqualTo(200);
        String token = json(response).get("access_token").asText();
        assertThat(client.sendAs("Bearer " + token, "GET", "/api/now/table/incident", null).statusCode()).isEqualTo(200);
    }

    @Test
    void refreshGrantIssuesANewAccessTokenThatWorks() {
        JsonNode first = json(client.passwordGrant(ServiceNowEmulator.USERNAME, ServiceNowEmulator.PASSWORD));
        String refreshToken = first.get("refresh_token").asText();

        HttpResponse<String> response = client.tokenRequest(form("grant_type", "refresh_token",
                "client_id", ServiceNowEmulator.CLIENT_ID, "client_secret", ServiceNowEmulator.CLIENT_SECRET,
                "refresh_token", refreshToken), null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode refreshed = json(response);
        assertThat(refreshed.get("refresh_token").asText()).isEqualTo(refreshToken);
        assertThat(refreshed.get("access_token").asText()).matches(TOKEN_CHARS)
                .isNotEqualTo(first.get("access_token").asText());
        assertThat(client.sendAs("Bearer " + refreshed.get("access_token").asText(), "GET",
                "/api/now/table/incident", null).statusCode()).isEqualTo(200);
        assertThat(emulator.tokenRequests("password")).isEqualTo(1);
        assertThat(emulator.tokenRequests("refresh_token")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "grant_type=password&client_id=incident-bridge&client_secret=wrong&username=bridge.integration&password=sn-password-0123",
            "grant_type=password&client_id=other-client&client_secret=sn-client-secret-0123&username=bridge.integration&password=sn-password-0123",
            "grant_type=password&client_id=incident-bridge&client_secret=sn-client-secret-0123&username=bridge.integration&password=wrong",
            "grant_type=password&client_id=incident-bridge&client_secret=sn-client-secret-0123&username=nobody&password=x",
            "grant_type=password&client_id=incident-bridge&client_secret=sn-client-secret-0123&username=admin&password=",
            "grant_type=refresh_token&client_id=incident-bridge&client_secret=sn-client-secret-0123&refresh_token=bogus",
            "grant_type=client_credentials&client_id=incident-bridge&client_secret=sn-client-secret-0123",
            "client_id=incident-bridge&client_secret=sn-client-secret-0123&username=bridge.integration&password=sn-password-0123",
            "grant_type=password&username=bridge.integration&password=sn-password-0123"
    })
    void everyFailureIsTheSameOpaque401(String form) {
        HttpResponse<String> response = client.tokenRequest(form, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(DENIED);
    }

    @Test
    void parametersInTheQueryStringAreNotAccepted() {
        String query = form("grant_type", "password", "client_id", ServiceNowEmulator.CLIENT_ID,
                "client_secret", ServiceNowEmulator.CLIENT_SECRET, "username", ServiceNowEmulator.USERNAME,
                "password", ServiceNowEmulator.PASSWORD);

        HttpResponse<String> response = client.sendAs(null, "POST", "/oauth_token.do?" + query, "");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(DENIED);
    }

    @Test
    void expiredAccessTokenIsRejectedByTheTableApi() {
        emulator.accessTokenLifetime(Duration.ofSeconds(1));
        JsonNode grant = json(client.passwordGrant(ServiceNowEmulator.USERNAME, ServiceNowEmulator.PASSWORD));
        String bearer = "Bearer " + grant.get("access_token").asText();
        assertThat(grant.get("expires_in").asInt()).isZero();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(client.sendAs(bearer, "GET", "/api/now/table/incident", null).statusCode()).isEqualTo(401));
        HttpResponse<String> rejected = client.sendAs(bearer, "GET", "/api/now/table/incident", null,
                "Cookie", "JSESSIONID=ABC; glide_session_store=DEF");
        assertThat(rejected.statusCode()).isEqualTo(401);
        assertThat(rejected.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Service-now\"");
    }

    @Test
    void expiredRefreshTokenCannotBeUsed() {
        emulator.refreshTokenLifetime(Duration.ofSeconds(1));
        String refreshToken = json(client.passwordGrant(ServiceNowEmulator.USERNAME, ServiceNowEmulator.PASSWORD))
                .get("refresh_token").asText();
        String refresh = form("grant_type", "refresh_token", "client_id", ServiceNowEmulator.CLIENT_ID,
                "client_secret", ServiceNowEmulator.CLIENT_SECRET, "refresh_token", refreshToken);

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(client.tokenRequest(refresh, null).body()).isEqualTo(DENIED));
    }

    @Test
    void revokingAccessTokensKeepsRefreshTokensUsable() {
        JsonNode grant = json(client.passwordGrant(ServiceNowEmulator.USERNAME, ServiceNowEmulator.PASSWORD));
        String bearer = "Bearer " + grant.get("access_token").asText();

        emulator.revokeAccessTokens();

        assertThat(client.sendAs(bearer, "GET", "/api/now/table/incident", null).statusCode()).isEqualTo(401);
        HttpResponse<String> refreshed = client.tokenRequest(form("grant_type", "refresh_token",
                "client_id", ServiceNowEmulator.CLIENT_ID, "client_secret", ServiceNowEmulator.CLIENT_SECRET,
                "refresh_token", grant.get("refresh_token").asText()), null);
        assertThat(refreshed.statusCode()).isEqualTo(200);
    }

    @Test
    void revokingAllTokensAlsoKillsRefreshTokens() {
        JsonNode grant = json(client.passwordGrant(ServiceNowEmulator.USERNAME, ServiceNowEmulator.PASSWORD));

        emulator.revokeAllTokens();

        HttpResponse<String> refreshed = client.tokenRequest(form("grant_type", "refresh_token",
                "client_id", ServiceNowEmulator.CLIENT_ID, "client_secret", ServiceNowEmulator.CLIENT_SECRET,
                "refresh_token", grant.get("refresh_token").asText()), null);
        assertThat(refreshed.statusCode()).isEqualTo(401);
        assertThat(refreshed.body()).isEqualTo(DENIED);
    }

    @Test
    void lockedOutUserGetsNoTokenAndLosesExistingOnes() {
        String bearer = "Bearer " + client.accessToken();

        emulator.lockUser(ServiceNowEmulator.USERNAME, true);

        HttpResponse<String> grant = client.passwordGrant(ServiceNowEmulator.USERNAME, ServiceNowEmulator.PASSWORD);
        assertThat(grant.statusCode()).isEqualTo(401);
        assertThat(grant.body()).isEqualTo(DENIED);
        assertThat(client.sendAs(bearer, "GET", "/api/now/table/incident", null).statusCode()).isEqualTo(401);
        assertThat(emulator.record("sys_user", SeedData.INTEGRATION_USER_SYS_ID).orElseThrow())
                .containsEntry("locked_out", "true");
    }

    @Test
    void userWhoMustResetThePasswordGetsNoToken() {
        emulator.requirePasswordReset(ServiceNowEmulator.USERNAME, true);

        HttpResponse<String> grant = client.passwordGrant(ServiceNowEmulator.USERNAME, ServiceNowEmulator.PASSWORD);

        assertThat(grant.statusCode()).isEqualTo(401);
        assertThat(grant.body()).isEqualTo(DENIED);
        emulator.requirePasswordReset(ServiceNowEmulator.USERNAME, false);
        assertThat(client.passwordGrant(ServiceNowEmulator.USERNAME, ServiceNowEmulator.PASSWORD).statusCode())
                .isEqualTo(200);
    }

    @Test
    void reuseModeReturnsTheStillValidAccessToken() {
        emulator.reuseActiveTokens(true);

        String first = json(client.passwordGrant(ServiceNowEmulator.USERNAME, ServiceNowEmulator.PASSWORD))
                .get("access_token").asText();
        String second = json(client.passwordGrant(ServiceNowEmulator.USERNAME, ServiceNowEmulator.PASSWORD))
                .get("access_token").asText();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void byDefaultEveryPasswordGrantIssuesNewTokens() {
        String first = client.tokenFor(ServiceNowEmulator.USERNAME, ServiceNowEmulator.PASSWORD);
        String second = client.tokenFor(ServiceNowEmulator.USERNAME, ServiceNowEmulator.PASSWORD);

        assertThat(second).isNotEqualTo(first);
        assertThat(client.sendAs("Bearer " + first, "GET", "/api/now/table/incident", null).statusCode())
                .isEqualTo(200);
    }
}
