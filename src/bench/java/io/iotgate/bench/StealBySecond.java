package io.iotgate.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The host's steal in each second of a run's measured window. A run's average hides what decides its p99:
 * on this virtual machine the host takes the CPU in bursts, and a burst of a few hundred milliseconds delays
 * more than 1% of a run's messages, whichever broker it hits. Knowing the disturbed seconds lets the latency
 * of the undisturbed ones be read on their own.
 */
final class StealBySecond {

    private final long fromNanos;
    private final long[][] ticks;
    private final Thread sampler;

    /** Starts reading at {@code fromNanos} and each second after, one second past {@code seconds}. */
    StealBySecond(long fromNanos, int seconds) {
        this.fromNanos = fromNanos;
        this.ticks = new long[seconds + 2][];
        this.sampler = new Thread(this::sample, "steal-by-second");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        for (int k = 0; k < ticks.length; k++) {
            long due = fromNanos + TimeUnit.SECONDS.toNanos(k);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            ticks[k] = CpuTicks.now();
        }
    }

    /**
     * Whether the host stole at most {@code maxPercent} in second {@code k} of the window and in the one after
     * it (a message sent just before a burst waits through it). Waits for the sampler's last reading.
     */
    boolean calm(int k, double maxPercent) throws InterruptedException {
        sampler.join();
        return percent(k) <= maxPercent && percent(k + 1) <= maxPercent;
    }

    private double percent(int k) {
        return CpuTicks.stealPercent(ticks[k], ticks[k + 1]);
    }
}
