package io.iotgate.bench;

import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends for all fixed-rate publishers from one thread, waking once a millisecond and sending whatever is
 * due. One thread per publisher, each waking for each of its messages, cost the generator more CPU than the
 * broker it measured (70,000 context switches per second at 10,000 msgs/s on two cores), and the generator's
 * own delays then showed up as the broker's latency. Each message still carries the time it was really sent.
 */
final class RatePacer implements Runnable {

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final List<PublisherLoop> publishers;
    private final Histogram lateMicros = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);

    RatePacer(List<PublisherLoop> publishers) {
        this.publishers = publishers;
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        boolean sending = true;
        for (long tick = 0; sending; tick++) {
            long due = start + tick * TICK_NANOS;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long now = System.nanoTime();
            lateMicros.recordValue(Math.min((now - due) / 1000, lateMicros.getHighestTrackableValue()));
            sending = false;
            for (PublisherLoop publisher : publishers) {
                sending |= publisher.sendDue(start, now);
            }
        }
    }

    /** How late the pacer woke against its schedule: the generator's own CPU shortage; read after it ended. */
    Histogram lateness() {
        return lateMicros;
    }
}
