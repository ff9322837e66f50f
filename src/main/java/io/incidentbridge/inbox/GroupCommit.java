package io.incidentbridge.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes the items of concurrent callers in shared transactions: one committer thread takes every item waiting
 * (up to {@code maxBatch}), writes them in one transaction with one commit, and only then lets each caller go
 * with its own result. A commit (a write to the database file, one at a time) is what a webhook waited for; callers
 * that arrive together now share one, and a lone caller still has its commit at once (nothing waits for company).
 * <p>
 * Nothing is let go before its transaction committed. When a batch of several fails, each item is written again in a
 * transaction of its own, so one item the database refuses does not fail the others; what fails alone fails its caller.
 */
final class GroupCommit<T, R> implements AutoCloseable {
    /** Writes a batch in one transaction; one result per item, in order. Throws if the transaction did not commit. */
    @FunctionalInterface
    interface BatchWriter<T, R> {
        List<R> write(List<T> batch);
    }

    /** The committer has stopped (the bridge is stopping): the caller's item was not written. */
    static final class Closed extends IllegalStateException {
        Closed(String name) {
            super(name + " has stopped; nothing more is written");
        }
    }

    private record Waiter<T, R>(T item, CompletableFuture<R> result) {
    }

    private final String name;
    private final int maxBatch;
    private final BatchWriter<T, R> writer;
    private final BlockingQueue<Waiter<T, R>> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    private volatile boolean closed;

    GroupCommit(String name, int maxBatch, BatchWriter<T, R> writer) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.name = name;
        this.maxBatch = maxBatch;
        this.writer = writer;
        this.committer = new Thread(this::commitWhatWaits, name);
        committer.setDaemon(true);
        committer.start();
    }

    /** Writes {@code item} in the next transaction and returns its result once that transaction has committed. */
    R write(T item) {
        if (closed) {
            throw new Closed(name);
        }
        Waiter<T, R> waiter = new Waiter<>(item, new CompletableFuture<>());
        queue.add(waiter);
        try {
            while (true) {
                try {
                    return waiter.result().get(1, TimeUnit.SECONDS);
                } catch (TimeoutException stillWaiting) {
                    // Only a caller that raced with close() can be left behind by the committer.
                    if (!committer.isAlive()) {
                        failRemaining();
                    }
                }
            }
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, interrupted);
        }
    }

    /** Items waiting for the next transaction (not those being written now). */
    int waiting() {
        return queue.size();
    }

    /** Writes what is already waiting, then stops; an item that arrives later fails with {@link Closed}. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        committer.join(TimeUnit.SECONDS.toMillis(30));
        failRemaining();
    }

    private void commitWhatWaits() {
        List<Waiter<T, R>> batch = new ArrayList<>(maxBatch);
        while (true) {
            Waiter<T, R> first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                failRemaining();
                return;
            }
            if (first == null) {
                if (closed) {
                    return;
                }
                continue;
            }
            batch.clear();
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            commit(batch);
        }
    }

    private void commit(List<Waiter<T, R>> batch) {
        try {
            complete(batch, writer.write(batch.stream().map(Waiter::item).toList()));
        } catch (RuntimeException failed) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(failed);
                return;
            }
            for (Waiter<T, R> alone : batch) {
                try {
                    complete(List.of(alone), writer.write(List.of(alone.item())));
                } catch (RuntimeException failedAlone) {
                    alone.result().completeExceptionally(failedAlone);
                }
            }
        }
    }

    private void complete(List<Waiter<T, R>> batch, List<R> results) {
        if (results.size() != batch.size()) {
            throw new IllegalStateException(name + " wrote " + batch.size() + " items but has " + results.size() + " results");
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(results.get(i));
        }
    }

    private void failRemaining() {
        for (Waiter<T, R> left = queue.poll(); left != null; left = queue.poll()) {
            left.result().completeExceptionally(new Closed(name));
        }
    }
}
