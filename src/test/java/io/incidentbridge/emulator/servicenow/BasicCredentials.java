package io.incidentbridge.emulator.servicenow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/** User and password from an {@code Authorization: Basic ...} header. */
record BasicCredentials(String user, String password) {

    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    /** Anything that is not well-formed Basic auth is simply no credentials (and so a 401). */
    static Optional<BasicCredentials> parse(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String encoded = authorization.substring(6).trim();
        if (!BASE64.matcher(encoded).matches() || encoded.length() % 4 != 0) {
            return Optional.empty();
        }
        String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty()
                : Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
}
