package io.incidentbridge.emulator.servicenow;

import java.util.Optional;

/**
 * Who is calling the REST API: a Bearer token from /oauth_token.do or Basic credentials of a user with a
 * password (§B). Cookies are ignored, so an expired token cannot ride on a session (§3 cookie note).
 */
final class Authenticator {

    private final TokenStore tokens;
    private final UserDirectory users;

    Authenticator(TokenStore tokens, UserDirectory users) {
        this.tokens = tokens;
        this.users = users;
    }

    Optional<UserAccount> authenticate(ApiRequest request) {
        String authorization = request.header("authorization");
        if (authorization == null) {
            return Optional.empty();
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return tokens.userOfAccessToken(authorization.substring(7).trim())
                    .flatMap(users::find)
                    .filter(account -> !account.locked());
        }
        return BasicCredentials.parse(authorization)
                .flatMap(c -> users.find(c.user()).filter(account -> account.acceptsPassword(c.password())));
    }
}
