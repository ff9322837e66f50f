package io.incidentbridge.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Whether credentials may be sent to a URL: over https always; over plain http only to a loopback host (a local
 * emulator, a sidecar proxy that adds TLS), or when the operator set an explicit allow-insecure-http switch.
 * Any setting that sends a password or a token to a configured URL checks it with {@link #permits}.
 */
public final class PlainHttpGuard {
    private PlainHttpGuard() {
    }

    /** True unless {@code url} is http:// to a host that is not loopback and {@code allowInsecure} is false. */
    public static boolean permits(String url, boolean allowInsecure) {
        if (allowInsecure || url == null || url.isBlank()) {
            return true;
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException notAUri) {
            // The URL's own validation reports it; this check is about transport only.
            return true;
        }
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("http")) {
            return true;
        }
        return isLoopback(uri.getHost());
    }

    /** localhost, 127.0.0.0/8 and ::1, by their literal form only: a name is never looked up in DNS. */
    static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (!name.matches("[0-9.]+") && !name.matches("[0-9a-f:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
