package io.incidentbridge.emulator.servicenow;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random identifiers in the shapes ServiceNow uses on the wire. */
final class Identifiers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Identifiers() {
    }

    /** A GUID as ServiceNow writes it: 32 lowercase hex characters (reference §5.2, sys_id row). */
    static String sysId() {
        return hex(16);
    }

    /** OAuth tokens are 86 URL-safe characters: 64 random bytes, base64url without padding (§3 sample). */
    static String token() {
        byte[] bytes = new byte[64];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** X-Transaction-ID values in the captures are 12 hex characters (§1.6). */
    static String transactionId() {
        return hex(6);
    }

    private static String hex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
