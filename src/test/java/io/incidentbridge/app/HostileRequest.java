package io.incidentbridge.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One generated hostile request and the answer the bridge owes it: the status, and a fragment of the answer's body
 * (the reason in {@code {"error": ...}}, or {@code "ignored"} / {@code "duplicate"} for a 202; empty where the server
 * answers before the bridge and says nothing of its own). {@code chunked} sends the body without a Content-Length.
 */
record HostileRequest(String family, String description, String method, String path, List<Map.Entry<String, String>> headers,
                      byte[] body, boolean chunked, int expectedStatus, String expectedReason) {

    static Builder post(String family, String description, String path, byte[] body) {
        return new Builder(family, description, path, body);
    }

    String label() {
        return family + " / " + description;
    }

    /** Collects headers in order; a name may repeat, which sends the header line twice. */
    static final class Builder {
        private final String family;
        private final String description;
        private final String path;
        private final byte[] body;
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private String method = "POST";
        private boolean chunked;

        private Builder(String family, String description, String path, byte[] body) {
            this.family = family;
            this.description = description;
            this.path = path;
            this.body = body;
        }

        Builder header(String name, String value) {
            headers.add(Map.entry(name, value));
            return this;
        }

        Builder json() {
            return header("Content-Type", "application/json");
        }

        Builder method(String newMethod) {
            method = newMethod;
            return this;
        }

        Builder chunked() {
            chunked = true;
            return this;
        }

        HostileRequest expect(int status, String reason) {
            return new HostileRequest(family, description, method, path, List.copyOf(headers), body, chunked, status, reason);
        }
    }
}
