package io.iotgate.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes password guessing slow and visible: after a few failures from one address or for one ID, each
 * further attempt from there must wait, twice as long after every failure, up to a ceiling. Waiting costs
 * the server a timer, not a hash, so the throttle itself cannot be turned into a denial of service.
 */
public final class LoginThrottle {

    private record Failures(int count, Instant last) {}

    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Failures> byId = new ConcurrentHashMap<>();
    private final int freeAttempts;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Clock clock;

    public LoginThrottle(int freeAttempts, Duration firstDelay, Duration maxDelay, Clock clock) {
        this.freeAttempts = freeAttempts;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.clock = clock;
    }

    /** How long an attempt from this address for this ID must still wait; zero when it may go ahead. */
    public Duration waitBefore(String address, String id) {
        Duration wait = remaining(byAddress.get(address));
        if (id != null) {
            Duration forId = remaining(byId.get(id));
            if (forId.compareTo(wait) > 0) {
                wait = forId;
            }
        }
        return wait;
    }

    public void failed(String address, String id) {
        Instant now = clock.instant();
        byAddress.merge(address, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
        if (id != null) {
            byId.merge(id, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
        }
        forgetOlderThan(now.minus(maxDelay.multipliedBy(4)));
    }

    public void succeeded(String address, String id) {
        byAddress.remove(address);
        if (id != null) {
            byId.remove(id);
        }
    }

    private Duration remaining(Failures failures) {
        if (failures == null || failures.count() < freeAttempts) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures.count() - freeAttempts, 20);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        if (delay.compareTo(maxDelay) > 0) {
            delay = maxDelay;
        }
        Duration left = Duration.between(clock.instant(), failures.last().plus(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void forgetOlderThan(Instant cutoff) {
        if (byAddress.size() + byId.size() > 10_000) {
            byAddress.values().removeIf(f -> f.last().isBefore(cutoff));
            byId.values().removeIf(f -> f.last().isBefore(cutoff));
        }
    }
}
