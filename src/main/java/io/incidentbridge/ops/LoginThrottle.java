package io.incidentbridge.ops;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.incidentbridge.config.BridgeProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Failed logins counted per user name and per client address (form login and HTTP Basic alike). Once either reaches its
 * limit within the lockout duration, that user or address is refused for the lockout duration, even with the right
 * password: guessing gets a handful of tries per lockout instead of thousands a second. Memory is bounded: at most
 * {@value #TRACKED} users and as many addresses are remembered (a flood of made-up names evicts old entries, it does not
 * grow the heap). Each lock is logged once and counted in {@code bridge_login_lockouts_total}.
 */
@Component
public class LoginThrottle {
    static final int TRACKED = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    private final Clock clock;
    private final Duration lockout;
    private final Scope users;
    private final Scope addresses;

    @org.springframework.beans.factory.annotation.Autowired
    public LoginThrottle(BridgeProperties properties, Clock clock, MeterRegistry meters) {
        this(properties.access().maxFailedLogins(), properties.access().maxFailedLoginsPerAddress(),
                properties.access().lockoutDuration(), clock, meters);
    }

    LoginThrottle(int maxPerUser, int maxPerAddress, Duration lockout, Clock clock, MeterRegistry meters) {
        this.clock = clock;
        this.lockout = lockout;
        this.users = new Scope("user", maxPerUser, meters);
        this.addresses = new Scope("address", maxPerAddress, meters);
    }

    /** How much longer attempts for this user or from this address are refused; empty when they may try. */
    public Optional<Duration> lockedFor(String user, String address) {
        Instant now = clock.instant();
        Instant until = later(users.lockedUntil(key(user), now), addresses.lockedUntil(key(address), now));
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    public void failed(String user, String address) {
        Instant now = clock.instant();
        users.failed(key(user), now);
        addresses.failed(key(address), now);
    }

    /** A successful login forgets the user's failures (not the address's: one valid account must not unlock guessing). */
    public void succeeded(String user) {
        users.entries.invalidate(key(user));
    }

    private static String key(String value) {
        if (value == null) {
            return "";
        }
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 200 ? printable.substring(0, 200) : printable;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private record Failures(int count, Instant firstAt, Instant lockedUntil) {
    }

    private final class Scope {
        private final String name;
        private final int limit;
        private final Counter lockouts;
        private final Cache<String, Failures> entries;

        Scope(String name, int limit, MeterRegistry meters) {
            this.name = name;
            this.limit = limit;
            this.lockouts = Counter.builder("bridge.login.lockouts").tag("scope", name)
                    .description("Users or client addresses locked out after repeated failed logins").register(meters);
            // Entries outlive their use by at most one lockout duration; the clock decides what still counts.
            this.entries = Caffeine.newBuilder().maximumSize(TRACKED).expireAfterWrite(lockout.multipliedBy(2)).build();
        }

        Instant lockedUntil(String key, Instant now) {
            Failures failures = entries.getIfPresent(key);
            return failures != null && failures.lockedUntil() != null && now.isBefore(failures.lockedUntil())
                    ? failures.lockedUntil() : null;
        }

        void failed(String key, Instant now) {
            boolean[] lockedNow = {false};
            entries.asMap().compute(key, (k, before) -> {
                boolean stale = before == null || before.lockedUntil() == null && now.isAfter(before.firstAt().plus(lockout))
                        || before.lockedUntil() != null && !now.isBefore(before.lockedUntil());
                Failures current = stale ? new Failures(0, now, null) : before;
                if (current.lockedUntil() != null) {
                    return current;
                }
                int count = current.count() + 1;
                lockedNow[0] = count >= limit;
                return new Failures(count, current.firstAt(), lockedNow[0] ? now.plus(lockout) : null);
            });
            if (lockedNow[0]) {
                lockouts.increment();
                LOG.warn("Logins locked for {} '{}' for {} after {} failed attempts", name, key, lockout, limit);
            }
        }
    }
}
