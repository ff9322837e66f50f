package io.incidentbridge.emulator.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentbridge.emulator.core.RateLimiter.Windows;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final Instant TEN_PAST = Instant.parse("2024-01-15T10:10:00Z");

    @Test
    void aWindowFromTheFirstRequestAdmitsTheLimitThenRefusesUntilItEnds() {
        RateLimiter limiter = new RateLimiter(Duration.ofMinutes(1), Windows.FROM_FIRST_REQUEST);

        assertThat(limiter.acquire("key", 2, TEN_PAST).exceeded()).isFalse();
        assertThat(limiter.acquire("key", 2, TEN_PAST.plusSeconds(30)).exceeded()).isFalse();
        RateLimiter.Decision third = limiter.acquire("key", 2, TEN_PAST.plusSeconds(59));
        RateLimiter.Decision nextWindow = limiter.acquire("key", 2, TEN_PAST.plusSeconds(60));

        assertThat(third.exceeded()).isTrue();
        assertThat(third.windowEnd()).isEqualTo(TEN_PAST.plusSeconds(60));
        assertThat(third.retryAfterSeconds(TEN_PAST.plusSeconds(59))).isEqualTo(1);
        assertThat(nextWindow.exceeded()).isFalse();
        assertThat(nextWindow.windowEnd()).isEqualTo(TEN_PAST.plusSeconds(120));
    }

    @Test
    void aWindowAlignedToTheClockEndsOnTheHourWhenEverItsFirstRequestCame() {
        RateLimiter limiter = new RateLimiter(Duration.ofHours(1), Windows.ALIGNED_TO_CLOCK);

        assertThat(limiter.acquire("abel", 1, TEN_PAST).exceeded()).isFalse();
        RateLimiter.Decision second = limiter.acquire("abel", 1, TEN_PAST.plusSeconds(60));
        RateLimiter.Decision otherUser = limiter.acquire("beth", 1, TEN_PAST.plusSeconds(60));
        RateLimiter.Decision nextHour = limiter.acquire("abel", 1, Instant.parse("2024-01-15T11:00:00Z"));

        assertThat(second.exceeded()).isTrue();
        assertThat(second.windowEnd()).isEqualTo(Instant.parse("2024-01-15T11:00:00Z"));
        assertThat(otherUser.exceeded()).isFalse();
        assertThat(nextHour.exceeded()).isFalse();
    }

    @Test
    void aResetStartsEveryCountAfreshAndTheWindowEndOfAnIdleKeyIsAWholeWindowAway() {
        RateLimiter limiter = new RateLimiter(Duration.ofMinutes(1), Windows.FROM_FIRST_REQUEST);
        limiter.acquire("key", 1, TEN_PAST);

        limiter.reset();

        assertThat(limiter.acquire("key", 1, TEN_PAST.plusSeconds(1)).exceeded()).isFalse();
        assertThat(limiter.windowEnd("idle", TEN_PAST)).isEqualTo(TEN_PAST.plusSeconds(60));
    }
}
