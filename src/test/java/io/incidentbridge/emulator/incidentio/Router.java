package io.incidentbridge.emulator.incidentio;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Maps {@code METHOD /path/{param}} templates to handlers. A path that exists under another method is told
 * apart from one that does not exist at all (405 versus 404), as a conventional HTTP router does.
 */
final class Router {
    /** A route's job: turn a call into a response, or throw {@link ApiError}. */
    @FunctionalInterface
    interface Handler {
        ApiResponse handle(ApiCall call);
    }

    /** A matched route and the values of its path parameters. */
    record Match(Handler handler, List<String> pathParams) {
    }

    private record Route(String method, String[] segments, Handler handler) {
    }

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    Router add(String method, String template, Handler handler) {
        routes.add(new Route(method, split(template), handler));
        return this;
    }

    Optional<Match> match(String method, String path) {
        String[] segments = split(path);
        boolean pathKnown = false;
        for (Route route : routes) {
            List<String> params = params(route.segments(), segments);
            if (params == null) {
                continue;
            }
            if (route.method().equals(method)) {
                return Optional.of(new Match(route.handler(), params));
            }
            pathKnown = true;
        }
        if (pathKnown) {
            throw ApiError.methodNotAllowed(method, path);
        }
        return Optional.empty();
    }

    private static List<String> params(String[] template, String[] path) {
        if (template.length != path.length) {
            return null;
        }
        List<String> params = new ArrayList<>();
        for (int i = 0; i < template.length; i++) {
            if (template[i].startsWith("{")) {
                if (path[i].isEmpty()) {
                    return null;
                }
                params.add(decode(path[i]));
            } else if (!template[i].equals(path[i])) {
                return null;
            }
        }
        return params;
    }

    /** Percent-decoding only: a '+' in a path segment is a plus, unlike in a query string. */
    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1).split("/", -1) : trimmed.split("/", -1);
    }
}
