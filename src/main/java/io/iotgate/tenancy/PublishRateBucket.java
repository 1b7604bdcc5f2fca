package io.iotgate.tenancy;

import java.util.concurrent.TimeUnit;

/**
 * A token bucket: {@code burst} PUBLISH packets at once, refilled at {@code perSecond} tokens a second. Used on
 * one connection's context only, so it needs no locking; the clock is passed in to keep it testable.
 */
final class PublishRateBucket {

    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final double perNano;
    private final double capacity;
    private double tokens;
    private long lastRefill;

    PublishRateBucket(int perSecond, int burst, long nowNanos) {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be at least 1, were " + perSecond + " and " + burst);
        }
        this.perNano = (double) perSecond / NANOS_PER_SECOND;
        this.capacity = burst;
        this.tokens = burst;
        this.lastRefill = nowNanos;
    }

    /** Takes one token if there is one. */
    boolean tryTake(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - lastRefill);
        tokens = Math.min(capacity, tokens + elapsed * perNano);
        lastRefill = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
