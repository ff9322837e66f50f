package io.incidentbridge.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
    private final ExecutorService callers = Executors.newFixedThreadPool(8);
    private final List<List<String>> transactions = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void callersThatArriveWhileACommitIsUnderWayShareTheNextTransaction() throws Exception {
        CountDownLatch firstCommitStarted = new CountDownLatch(1);
        CountDownLatch letFirstCommitFinish = new CountDownLatch(1);
        try (GroupCommit<String, String> commits = new GroupCommit<>("test-commit", 100, batch -> {
            transactions.add(batch);
            if (transactions.size() == 1) {
                firstCommitStarted.countDown();
                awaitQuietly(letFirstCommitFinish);
            }
            return batch.stream().map(item -> "stored " + item).toList();
        })) {
            Future<String> first = callers.submit(() -> commits.write("a"));
            assertThat(firstCommitStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<String>> others = new ArrayList<>();
            for (String item : List.of("b", "c", "d", "e")) {
                others.add(callers.submit(() -> commits.write(item)));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> commits.waiting() == 4);
            assertThat(first.isDone()).as("not answered before its transaction committed").isFalse();

            letFirstCommitFinish.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("stored a");
            for (int i = 0; i < others.size(); i++) {
                assertThat(others.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("stored " + List.of("b", "c", "d", "e").get(i));
            }
            assertThat(transactions).hasSize(2);
            assertThat(transactions.get(1)).containsExactlyInAnyOrder("b", "c", "d", "e");
        }
    }

    @Test
    void aLoneCallerIsWrittenAtOnceInATransactionOfItsOwn() throws Exception {
        try (GroupCommit<String, String> commits = new GroupCommit<>("test-commit", 100, batch -> {
            transactions.add(batch);
            return batch;
        })) {
            assertThat(commits.write("x")).isEqualTo("x");
            assertThat(commits.write("y")).isEqualTo("y");
            assertThat(transactions).containsExactly(List.of("x"), List.of("y"));
        }
    }

    @Test
    void aTransactionThatFailsFailsEveryCallerInIt() throws Exception {
        IllegalStateException databaseDown = new IllegalStateException("database is down");
        try (GroupCommit<String, String> commits = new GroupCommit<>("test-commit", 100, batch -> {
            transactions.add(batch);
            throw databaseDown;
        })) {
            List<Future<String>> calls = new ArrayList<>();
            for (String item : List.of("a", "b", "c", "d")) {
                calls.add(callers.submit(() -> commits.write(item)));
            }
            for (Future<String> call : calls) {
                assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .cause().isSameAs(databaseDown);
            }
        }
        assertThat(transactions.stream().flatMap(List::stream)).contains("a", "b", "c", "d");
    }

    @Test
    void anItemTheDatabaseRefusesFailsOnlyItsOwnCaller() throws Exception {
        CountDownLatch firstCommitStarted = new CountDownLatch(1);
        CountDownLatch letFirstCommitFinish = new CountDownLatch(1);
        try (GroupCommit<String, String> commits = new GroupCommit<>("test-commit", 100, batch -> {
            transactions.add(batch);
            if (transactions.size() == 1) {
                firstCommitStarted.countDown();
                awaitQuietly(letFirstCommitFinish);
            }
            if (batch.contains("too long")) {
                throw new IllegalArgumentException("value too long for column");
            }
            return batch;
        })) {
            Future<String> first = callers.submit(() -> commits.write("first"));
            assertThat(firstCommitStarted.await(10, TimeUnit.SECONDS)).isTrue();
            Future<String> good = callers.submit(() -> commits.write("good"));
            Future<String> bad = callers.submit(() -> commits.write("too long"));
            Future<String> alsoGood = callers.submit(() -> commits.write("also good"));
            await().atMost(Duration.ofSeconds(10)).until(() -> commits.waiting() == 3);
            letFirstCommitFinish.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(good.get(10, TimeUnit.SECONDS)).isEqualTo("good");
            assertThat(alsoGood.get(10, TimeUnit.SECONDS)).isEqualTo("also good");
            assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void nothingIsWrittenAfterItHasStopped() throws Exception {
        GroupCommit<String, String> commits = new GroupCommit<>("test-commit", 100, batch -> {
            transactions.add(batch);
            return batch;
        });
        commits.close();
        assertThatThrownBy(() -> commits.write("late")).isInstanceOf(GroupCommit.Closed.class);
        assertThat(transactions).isEmpty();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the commit finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
