package io.incidentbridge.emulator.servicenow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issued OAuth tokens (ServiceNow keeps them in oauth_credential). Lifespans default to 1800 s for access
 * and 8,640,000 s (100 days) for refresh tokens (reference §3, KB0791140).
 */
final class TokenStore {

    enum Kind { ACCESS, REFRESH }

    private record Token(String userName, Kind kind, Instant expiresAt) {
    }

    /** What a successful grant returns. */
    record Grant(String accessToken, String refreshToken, long expiresInSeconds) {
    }

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Duration accessLifetime = Duration.ofSeconds(1800);
    private volatile Duration refreshLifetime = Duration.ofSeconds(8_640_000);
    private volatile boolean reuseActiveTokens;

    TokenStore(Clock clock) {
        this.clock = clock;
    }

    void accessLifetime(Duration d) {
        this.accessLifetime = d;
    }

    void refreshLifetime(Duration d) {
        this.refreshLifetime = d;
    }

    /**
     * KB0791140: a password grant while a valid access token exists returns that same token with its expiry
     * extended, and extends the refresh token too. Off by default: every grant issues new tokens.
     */
    void reuseActiveTokens(boolean on) {
        this.reuseActiveTokens = on;
    }

    synchronized Grant issue(String userName) {
        String access = reusable(userName, Kind.ACCESS).orElseGet(Identifiers::token);
        String refresh = reusable(userName, Kind.REFRESH).orElseGet(Identifiers::token);
        store(access, userName, Kind.ACCESS, accessLifetime);
        store(refresh, userName, Kind.REFRESH, refreshLifetime);
        return grant(access, refresh);
    }

    /** A refresh grant issues a new access token and returns the same refresh token (§3: "possibly-same"). */
    synchronized Optional<Grant> refresh(String refreshToken) {
        return valid(refreshToken, Kind.REFRESH).map(t -> {
            String access = Identifiers.token();
            store(access, t.userName(), Kind.ACCESS, accessLifetime);
            return grant(access, refreshToken);
        });
    }

    Optional<String> userOfRefreshToken(String value) {
        return valid(value, Kind.REFRESH).map(Token::userName);
    }

    Optional<String> userOfAccessToken(String value) {
        return valid(value, Kind.ACCESS).map(Token::userName);
    }

    void revokeAccessTokens() {
        tokens.values().removeIf(t -> t.kind() == Kind.ACCESS);
    }

    void revokeAll() {
        tokens.clear();
    }

    private Optional<String> reusable(String userName, Kind kind) {
        if (!reuseActiveTokens) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.entrySet().stream()
                .filter(e -> e.getValue().userName().equals(userName) && e.getValue().kind() == kind)
                .filter(e -> e.getValue().expiresAt().isAfter(now))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private Optional<Token> valid(String value, Kind kind) {
        return Optional.ofNullable(tokens.get(value))
                .filter(t -> t.kind() == kind && t.expiresAt().isAfter(clock.instant()));
    }

    private void store(String value, String userName, Kind kind, Duration lifetime) {
        tokens.put(value, new Token(userName, kind, clock.instant().plus(lifetime)));
    }

    /** expires_in is the lifespan minus the second already under way: 1799 for 1800 (§3 sample). */
    private Grant grant(String access, String refresh) {
        return new Grant(access, refresh, Math.max(0, accessLifetime.toSeconds() - 1));
    }
}
