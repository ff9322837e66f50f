package io.incidentbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final MovingClock clock = new MovingClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(15), clock, meters);

    @Test
    void aUserIsLockedAfterTheLimitForTheLockoutDurationAndThenMayTryAgain() {
        fail("alice", "10.0.0.1", 2);
        assertThat(throttle.lockedFor("alice", "10.0.0.9")).isEmpty();
        fail("alice", "10.0.0.2", 1);
        assertThat(throttle.lockedFor("alice", "10.0.0.9")).contains(Duration.ofMinutes(15));
        assertThat(throttle.lockedFor("bob", "10.0.0.9")).isEmpty();
        assertThat(lockouts("user")).isEqualTo(1.0);

        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.lockedFor("alice", "10.0.0.9")).contains(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("alice", "10.0.0.9")).isEmpty();
        fail("alice", "10.0.0.1", 2);
        assertThat(throttle.lockedFor("alice", "10.0.0.9")).as("the count starts again after a lock").isEmpty();
    }

    @Test
    void anAddressIsLockedForEveryUserAndFailuresOutsideTheWindowDoNotCount() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user-" + i, "203.0.113.5");
        }
        assertThat(throttle.lockedFor("admin", "203.0.113.5")).isPresent();
        assertThat(throttle.lockedFor("admin", "203.0.113.6")).isEmpty();
        assertThat(lockouts("address")).isEqualTo(1.0);

        fail("carol", "10.0.0.1", 2);
        clock.advance(Duration.ofMinutes(16));
        fail("carol", "10.0.0.1", 1);
        assertThat(throttle.lockedFor("carol", "10.0.0.2")).isEmpty();
    }

    @Test
    void aSuccessfulLoginForgetsTheUsersFailures() {
        fail("dave", "10.0.0.1", 2);
        throttle.succeeded("dave");
        fail("dave", "10.0.0.1", 2);
        assertThat(throttle.lockedFor("dave", "10.0.0.2")).isEmpty();
    }

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }

    private double lockouts(String scope) {
        return meters.get("bridge.login.lockouts").tag("scope", scope).counter().count();
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
