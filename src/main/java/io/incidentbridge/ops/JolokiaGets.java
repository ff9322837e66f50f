package io.incidentbridge.ops;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * Jolokia's GET form puts the whole request in the URL ({@code /actuator/jolokia/exec/...}), which a link or an image
 * on a foreign page can make a browser fetch. The bridge takes GET for the commands that only look, as operators and
 * scripts use them ({@code /actuator/jolokia/search/org.apache.camel:type=endpoints,*}); everything that changes
 * something (exec, write) goes by POST, where the CSRF token and the origin check apply.
 */
final class JolokiaGets {
    private static final String PREFIX = "/actuator/jolokia";
    private static final Pattern LOOKING = Pattern.compile("/?|/(search|read|list|version)(/.*)?");

    private JolokiaGets() {
    }

    /** True for a GET to Jolokia that is not a plain look (or hides its command in the query string, or asks for JSONP). */
    static boolean changesSomething(HttpServletRequest request) {
        if (!"GET".equalsIgnoreCase(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI();
        if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
            return false;
        }
        if (request.getParameter("p") != null || request.getParameter("callback") != null) {
            return true;
        }
        return !LOOKING.matcher(path.substring(PREFIX.length())).matches();
    }
}
