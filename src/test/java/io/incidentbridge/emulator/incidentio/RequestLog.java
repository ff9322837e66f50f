package io.incidentbridge.emulator.incidentio;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every request the emulator answered, in arrival order, for tests that assert on what a client sent. */
final class RequestLog {
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    void add(RecordedRequest request) {
        requests.add(request);
    }

    List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    void clear() {
        requests.clear();
    }

    long count(String method, String pathPrefix) {
        return requests.stream()
                .filter(r -> r.method().equalsIgnoreCase(method) && r.path().startsWith(pathPrefix))
                .count();
    }
}
