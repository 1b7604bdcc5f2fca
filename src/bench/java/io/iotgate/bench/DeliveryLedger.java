package io.iotgate.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Copies sent versus copies received, over all clients of a scenario: tells QoS 0 publishers to wait for
 * the subscribers (QoS 0 has no acknowledgement to bound it) and tells the run when everything arrived.
 */
final class DeliveryLedger {

    /** A stall this long means the missing copies are lost, not late: stop waiting for them. */
    private static final long GIVE_UP_NANOS = 200_000_000L;

    private final AtomicLong sentCopies = new AtomicLong();
    private final AtomicLong receivedCopies = new AtomicLong();
    private final AtomicLong forgivenCopies = new AtomicLong();

    void sent(int copies) {
        sentCopies.addAndGet(copies);
    }

    void received() {
        receivedCopies.incrementAndGet();
    }

    long sentCopies() {
        return sentCopies.get();
    }

    long receivedCopies() {
        return receivedCopies.get();
    }

    /** Blocks while more than {@code limit} copies are on their way; lost copies stop counting after a stall. */
    void awaitRoom(long limit) {
        long stalledSince = 0;
        long lastReceived = -1;
        while (outstanding() > limit) {
            long received = receivedCopies.get();
            long now = System.nanoTime();
            if (received != lastReceived) {
                lastReceived = received;
                stalledSince = now;
            } else if (now - stalledSince > GIVE_UP_NANOS) {
                forgivenCopies.addAndGet(outstanding());
                return;
            }
            LockSupport.parkNanos(20_000);
        }
    }

    private long outstanding() {
        return sentCopies.get() - receivedCopies.get() - forgivenCopies.get();
    }
}
