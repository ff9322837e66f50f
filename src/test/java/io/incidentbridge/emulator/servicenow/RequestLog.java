package io.incidentbridge.emulator.servicenow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every request in arrival order. An entry is added when the request arrives and gets its status when it is
 * answered, so requests a client gave up on (hangs) still show up.
 */
final class RequestLog {

    /** A logged request whose answer may still be pending. */
    static final class Entry {
        private final RecordedRequest arrived;
        private volatile int status;

        private Entry(RecordedRequest arrived) {
            this.arrived = arrived;
        }

        void answered(int answeredStatus) {
            this.status = answeredStatus;
        }

        RecordedRequest snapshot() {
            RecordedRequest r = arrived;
            return new RecordedRequest(r.at(), r.method(), r.path(), r.query(), r.headers(), r.body(), status);
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized Entry arrived(Instant at, ApiRequest request) {
        Entry entry = new Entry(new RecordedRequest(at, request.method(), request.path(), Collections.unmodifiableMap(request.query().decoded()),
                request.headers(), request.body(), 0));
        entries.add(entry);
        return entry;
    }

    synchronized List<RecordedRequest> snapshot() {
        return entries.stream().map(Entry::snapshot).toList();
    }

    synchronized void clear() {
        entries.clear();
    }
}
