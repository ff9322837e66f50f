package io.incidentbridge.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpFailureClassifierTest {
    private final Clock clock = Clock.fixed(Instant.parse("2025-04-17T11:17:00Z"), ZoneOffset.UTC);

    @Test
    void sortsStatusesIntoTheFailureTypes() {
        assertThat(classify(500)).isInstanceOf(TransientFailure.class);
        assertThat(classify(503)).isInstanceOf(TransientFailure.class);
        assertThat(classify(401)).isInstanceOf(TransientFailure.class);
        assertThat(classify(429)).isInstanceOf(RateLimitedFailure.class);
        assertThat(classify(400)).isInstanceOf(PermanentFailure.class).extracting(SyncFailure::label).isEqualTo("http-400");
        assertThat(classify(403)).isInstanceOf(PermanentFailure.class);
        assertThat(classify(404)).isInstanceOf(PermanentFailure.class);
        assertThat(classify(422)).isInstanceOf(PermanentFailure.class);
    }

    @Test
    void honoursRetryAfterInSecondsOrAsAnHttpDate() {
        RateLimitedFailure seconds = (RateLimitedFailure) HttpFailureClassifier.fromStatus("ServiceNow", "GET incident", 429,
                "Rate limit exceeded", Optional.of("7"), clock);
        RateLimitedFailure date = (RateLimitedFailure) HttpFailureClassifier.fromStatus("incident.io", "GET", 429, "",
                Optional.of("Thu, 17 Apr 2025 11:17:18 GMT"), clock);
        RateLimitedFailure utc = (RateLimitedFailure) HttpFailureClassifier.fromStatus("incident.io", "GET", 429, "",
                Optional.of("Thu, 17 Apr 2025 11:17:18 UTC"), clock);
        assertThat(utc.retryAfter()).isEqualTo(Duration.ofSeconds(18));
        assertThat(seconds.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(date.retryAfter()).isEqualTo(Duration.ofSeconds(18));
    }

    @Test
    void timeoutsAndConnectionErrorsAreTransient() {
        assertThat(HttpFailureClassifier.fromIo("ServiceNow", "PATCH incident", new SocketTimeoutException("slow")))
                .hasMessageContaining("timed out");
        assertThat(HttpFailureClassifier.fromIo("ServiceNow", "PATCH incident", new IOException("reset")))
                .isInstanceOf(TransientFailure.class);
    }

    private SyncFailure classify(int status) {
        return HttpFailureClassifier.fromStatus("ServiceNow", "POST incident", status, "reason", Optional.empty(), clock);
    }
}
