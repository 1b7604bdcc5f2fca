package io.iotgate.bench;

import java.nio.ByteBuffer;

/**
 * The 64-byte payload of every benchmark message: publisher index, sequence number and send time
 * ({@link System#nanoTime()}, comparable because publishers and subscribers share this JVM); the rest is
 * padding.
 */
final class BenchPayload {

    static final int SIZE = 64;
    private static final int PUBLISHER = 0;
    private static final int SEQUENCE = 4;
    private static final int SENT_NANOS = 12;

    private BenchPayload() {
    }

    static byte[] encode(int publisher, long sequence, long sentNanos) {
        return ByteBuffer.allocate(SIZE).putInt(publisher).putLong(sequence).putLong(sentNanos).array();
    }

    static int publisher(ByteBuffer payload) {
        return payload.getInt(payload.position() + PUBLISHER);
    }

    static long sequence(ByteBuffer payload) {
        return payload.getLong(payload.position() + SEQUENCE);
    }

    static long sentNanos(ByteBuffer payload) {
        return payload.getLong(payload.position() + SENT_NANOS);
    }
}
