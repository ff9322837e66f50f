package io.incidentbridge.ops;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * Whether a browser's request comes from a page of the bridge itself. Scheme, host and port are the request's as the
 * browser used them (behind an ingress, the X-Forwarded-* headers applied by the server; see
 * server.forward-headers-strategy).
 */
final class SameOrigin {
    private static final Set<String> SAME = Set.of("same-origin", "none");

    private SameOrigin() {
    }

    static String of(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase();
        int port = request.getServerPort();
        boolean defaultPort = port <= 0 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        return scheme + "://" + request.getServerName().toLowerCase() + (defaultPort ? "" : ":" + port);
    }

    /**
     * A request sent by a page of another origin, as far as the browser tells: Sec-Fetch-Site (every current browser
     * sends it), else an Origin that is not ours. A program (curl, a script) sends neither.
     */
    static boolean isCrossOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !SAME.contains(site.toLowerCase());
        }
        String origin = request.getHeader("Origin");
        return origin != null && !origin.equalsIgnoreCase(of(request));
    }
}
