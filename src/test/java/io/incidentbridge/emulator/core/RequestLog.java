package io.incidentbridge.emulator.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every request an emulator received, in arrival order, for tests that assert on what a client sent. A request
 * may be logged when it arrives and get its status when it is answered, so requests a client gave up on (hangs)
 * still show up; or logged whole once answered.
 */
public final class RequestLog {

    /** A logged request whose answer may still be pending. */
    public static final class Entry {
        private final RecordedRequest arrived;
        private volatile int status;

        private Entry(RecordedRequest arrived) {
            this.arrived = arrived;
            this.status = arrived.status();
        }

        public void answered(int answeredStatus) {
            this.status = answeredStatus;
        }

        private RecordedRequest snapshot() {
            return arrived.withStatus(status);
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Logs a request on arrival; its status is 0 until {@link Entry#answered} is called. */
    public synchronized Entry arrived(RecordedRequest request) {
        Entry entry = new Entry(request);
        entries.add(entry);
        return entry;
    }

    /** Logs a request that has been answered. */
    public void add(RecordedRequest request) {
        arrived(request);
    }

    public synchronized List<RecordedRequest> all() {
        return entries.stream().map(Entry::snapshot).toList();
    }

    public synchronized void clear() {
        entries.clear();
    }

    /** How many requests match. */
    public long count(Predicate<RecordedRequest> matching) {
        return all().stream().filter(matching).count();
    }

    /** How many requests had this method (in any case) and a path starting with {@code pathPrefix}. */
    public long count(String method, String pathPrefix) {
        return count(r -> r.method().equalsIgnoreCase(method) && r.path().startsWith(pathPrefix));
    }
}
