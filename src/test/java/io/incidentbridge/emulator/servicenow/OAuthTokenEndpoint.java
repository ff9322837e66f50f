package io.incidentbridge.emulator.servicenow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbridge.emulator.core.Json;
import io.incidentbridge.emulator.core.QueryString;
import java.util.Optional;

/**
 * {@code POST /oauth_token.do}: password and refresh_token grants for one registered client (reference §3).
 * Parameters are read from the form body only; the client may authenticate in the form or with HTTP Basic
 * (Camel's CXF client sends Basic on the password grant, §7).
 */
final class OAuthTokenEndpoint {

    private final String clientId;
    private final String clientSecret;
    private final TokenStore tokens;
    private final UserDirectory users;

    OAuthTokenEndpoint(String clientId, String clientSecret, TokenStore tokens, UserDirectory users) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.tokens = tokens;
        this.users = users;
    }

    ApiResponse handle(ApiRequest request) {
        QueryString form = QueryString.parse(request.body());
        if (!"POST".equals(request.method()) || !clientAuthenticated(form, request.header("authorization"))) {
            return ErrorResponses.oauthDenied();
        }
        Optional<TokenStore.Grant> grant = switch (String.valueOf(form.value("grant_type"))) {
            case "password" -> passwordGrant(form);
            case "refresh_token" -> refreshGrant(form);
            default -> Optional.empty();
        };
        return grant.map(OAuthTokenEndpoint::success).orElseGet(ErrorResponses::oauthDenied);
    }

    private boolean clientAuthenticated(QueryString form, String authorization) {
        if (form.value("client_id") != null) {
            return clientId.equals(form.value("client_id")) && clientSecret.equals(form.value("client_secret"));
        }
        return BasicCredentials.parse(authorization)
                .filter(c -> clientId.equals(c.user()) && clientSecret.equals(c.password()))
                .isPresent();
    }

    private Optional<TokenStore.Grant> passwordGrant(QueryString form) {
        return users.find(String.valueOf(form.value("username")))
                .filter(account -> account.acceptsPassword(form.value("password")))
                .map(account -> tokens.issue(account.userName()));
    }

    /** A refresh for a user who has since been locked out fails like any other bad grant. */
    private Optional<TokenStore.Grant> refreshGrant(QueryString form) {
        String refreshToken = String.valueOf(form.value("refresh_token"));
        boolean userMayLogIn = tokens.userOfRefreshToken(refreshToken)
                .flatMap(users::find)
                .filter(account -> !account.locked() && !account.passwordResetRequired())
                .isPresent();
        return userMayLogIn ? tokens.refresh(refreshToken) : Optional.empty();
    }

    /** Field order as in the documented sample (§3). */
    private static ApiResponse success(TokenStore.Grant grant) {
        ObjectNode body = Json.object();
        body.put("scope", "useraccount");
        body.put("token_type", "Bearer");
        body.put("expires_in", grant.expiresInSeconds());
        body.put("refresh_token", grant.refreshToken());
        body.put("access_token", grant.accessToken());
        return ApiResponse.json(200, body);
    }
}
