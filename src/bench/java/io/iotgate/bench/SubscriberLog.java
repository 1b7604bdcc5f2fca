package io.iotgate.bench;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntCountsHistogram;

import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

/**
 * Every message one subscriber received: which sequence numbers of which publisher (so a duplicate or a
 * gap is counted, never averaged away), and the latency of those sent within the measured window, also
 * second by second of their sending where asked, so that seconds the machine disturbed can be left out.
 */
final class SubscriberLog {

    private static final long MAX_MICROS = TimeUnit.SECONDS.toMicros(120);

    private final List<Integer> hears;
    private final BitSet[] seen;
    private final DeliveryLedger ledger;
    private final Histogram latencyMicros = new Histogram(MAX_MICROS, 3);
    /** Latencies by the second of the measured window they were sent in (int counts: half the memory of long ones). */
    private AbstractHistogram[] bySecond = new AbstractHistogram[0];
    private long measuredFrom = Long.MAX_VALUE;
    private long measuredUntil = Long.MAX_VALUE;
    private long distinct;
    private long duplicates;
    private long measured;
    private long foreign;

    SubscriberLog(List<Integer> hears, int publishers, DeliveryLedger ledger) {
        this.hears = hears;
        this.seen = new BitSet[publishers];
        for (int publisher : hears) {
            seen[publisher] = new BitSet();
        }
        this.ledger = ledger;
    }

    /** Called on the client's thread for each message, so it stays cheap: no payload copy. */
    synchronized void record(ByteBuffer payload) {
        long now = System.nanoTime();
        ledger.received();
        if (payload.remaining() != BenchPayload.SIZE) {
            foreign++;
            return;
        }
        int publisher = BenchPayload.publisher(payload);
        if (publisher < 0 || publisher >= seen.length || seen[publisher] == null) {
            foreign++;
            return;
        }
        int sequence = (int) BenchPayload.sequence(payload);
        if (seen[publisher].get(sequence)) {
            duplicates++;
            return;
        }
        seen[publisher].set(sequence);
        distinct++;
        long sent = BenchPayload.sentNanos(payload);
        if (sent >= measuredFrom && sent < measuredUntil) {
            measured++;
            long micros = Math.min(Math.max(0, (now - sent) / 1000), MAX_MICROS);
            latencyMicros.recordValue(micros);
            int second = (int) ((sent - measuredFrom) / 1_000_000_000L);
            if (second < bySecond.length) {
                bySecond[second].recordValue(micros);
            }
        }
    }

    /** @param seconds seconds of the window to keep apart (0: none) */
    synchronized void measureBetween(long fromNanos, long untilNanos, int seconds) {
        measuredFrom = fromNanos;
        measuredUntil = untilNanos;
        bySecond = new AbstractHistogram[seconds];
        for (int k = 0; k < seconds; k++) {
            bySecond[k] = new IntCountsHistogram(MAX_MICROS, 3);
        }
    }

    synchronized long distinct() {
        return distinct;
    }

    synchronized long duplicates() {
        return duplicates;
    }

    /** Received messages that are no benchmark message of a publisher this subscriber hears. */
    synchronized long foreign() {
        return foreign;
    }

    /** Distinct messages sent within the measured window and received. */
    synchronized long measured() {
        return measured;
    }

    /** Messages the broker accepted from the publishers this subscriber hears that never arrived. */
    synchronized long lost(BitSet[] acceptedByPublisher) {
        long lost = 0;
        for (int publisher : hears) {
            BitSet missing = (BitSet) acceptedByPublisher[publisher].clone();
            missing.andNot(seen[publisher]);
            lost += missing.cardinality();
        }
        return lost;
    }

    synchronized void addLatenciesTo(Histogram total) {
        total.add(latencyMicros);
    }

    /** The latencies of the messages sent in the seconds {@code chosen} accepts. */
    synchronized void addLatenciesTo(Histogram total, IntPredicate chosen) {
        for (int k = 0; k < bySecond.length; k++) {
            if (chosen.test(k)) {
                total.add(bySecond[k]);
            }
        }
    }
}
