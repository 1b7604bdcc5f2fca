package io.iotgate.bench;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;

import java.util.BitSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One publisher's thread: numbered messages until the deadline, never more than {@code window}
 * unacknowledged (QoS 1: PUBACKs; QoS 0: writes), either as fast as that allows or at a fixed rate.
 */
final class PublisherLoop implements Runnable {

    /** How a publisher decides when to send its next message. */
    sealed interface Pace {
        /**
         * As fast as the window allows, and no more than {@code outstandingCopiesLimit} copies on their way
         * to the subscribers: QoS 0 has no acknowledgement to bound it, and a broker that acknowledges
         * before it delivers would otherwise only fill its queues.
         */
        record Saturated(long outstandingCopiesLimit, boolean pacedBySubscribers) implements Pace {}

        /** One message every {@code intervalNanos}, for latency at a known load. */
        record FixedRate(long intervalNanos) implements Pace {}
    }

    private final Mqtt3AsyncClient client;
    private final int index;
    private final String topic;
    private final MqttQos qos;
    private final int copies;
    private final Pace pace;
    private final DeliveryLedger ledger;
    private final Semaphore window;
    private final int windowSize;
    private final long deadlineNanos;
    private final AtomicLong failures;
    private final BitSet failed = new BitSet();
    /** The next message's number; written by the one thread that sends for this publisher. */
    private long sequence;
    private volatile long sent;
    private volatile boolean connectionLost;

    PublisherLoop(Mqtt3AsyncClient client, int index, String topic, int qos, int copies, Pace pace,
                  DeliveryLedger ledger, int windowSize, long deadlineNanos, AtomicLong failures) {
        this.client = client;
        this.index = index;
        this.topic = topic;
        this.qos = MqttQos.fromCode(qos);
        this.copies = copies;
        this.pace = pace;
        this.ledger = ledger;
        this.window = new Semaphore(windowSize);
        this.windowSize = windowSize;
        this.deadlineNanos = deadlineNanos;
        this.failures = failures;
    }

    /** Saturated: sends as fast as the window and the pace allow, until the deadline. */
    @Override
    public void run() {
        var saturated = (Pace.Saturated) pace;
        // a closed connection ends the loop: the run reports the disconnect, not a flood of failed publishes
        while (System.nanoTime() < deadlineNanos && !connectionLost) {
            if (qos == MqttQos.AT_MOST_ONCE || saturated.pacedBySubscribers()) {
                ledger.awaitRoom(saturated.outstandingCopiesLimit());
            }
            sendNext();
        }
    }

    /**
     * Fixed rate, called by the {@link RatePacer}: sends every message due by {@code now} (one every
     * {@code intervalNanos} from {@code startNanos}). False once the deadline passed or the connection is lost.
     */
    boolean sendDue(long startNanos, long now) {
        long interval = ((Pace.FixedRate) pace).intervalNanos();
        while (now < deadlineNanos && !connectionLost) {
            if (startNanos + sequence * interval > now) {
                return true;
            }
            sendNext();
        }
        return false;
    }

    private void sendNext() {
        window.acquireUninterruptibly();
        ledger.sent(copies);
        byte[] payload = BenchPayload.encode(index, sequence, System.nanoTime());
        long thisSequence = sequence;
        client.publishWith().topic(topic).qos(qos).payload(payload).send().whenComplete((ack, failure) -> {
            if (failure != null) {
                failures.incrementAndGet();
                // asked only after a failure: right after CONNACK the client may not call itself connected yet
                connectionLost = !client.getState().isConnected();
                synchronized (failed) {
                    failed.set((int) thisSequence);
                }
            }
            window.release();
        });
        sequence++;
        sent = sequence;
    }

    long sent() {
        return sent;
    }

    /**
     * The sequence numbers the broker took: acknowledged (QoS 1) or written (QoS 0). A publish that failed
     * (its connection closed first) promised nothing, so its absence is no loss.
     */
    BitSet accepted() {
        BitSet accepted = new BitSet();
        accepted.set(0, (int) sent);
        synchronized (failed) {
            accepted.andNot(failed);
        }
        return accepted;
    }

    /** Waits until every publish of this loop is acknowledged (QoS 1) or written (QoS 0). */
    boolean awaitSettled(long timeoutMillis) throws InterruptedException {
        if (window.tryAcquire(windowSize, timeoutMillis, TimeUnit.MILLISECONDS)) {
            window.release(windowSize);
            return true;
        }
        return false;
    }
}
