package io.iotgate.observe;

import io.iotgate.model.DeviceMonitoringData;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the gateway saw of one device lately, shared by all its connections. Times are epoch milliseconds,
 * 0 until seen. The per-message writes are plain volatile stores; only merging stored values and the
 * pacing of the feed compare and set.
 */
final class LiveDevice {

    final String registryId;
    final String deviceId;
    private volatile String authIp;
    private final AtomicLong authTime = new AtomicLong();
    private final AtomicLong pubTime = new AtomicLong();
    private final AtomicLong subTime = new AtomicLong();
    private final AtomicLong onlineTime = new AtomicLong();
    private final AtomicLong disconnectTime = new AtomicLong();

    /** Changed since the last write to the database. */
    final AtomicBoolean unwritten = new AtomicBoolean();
    /** Activity happened that the feed has not reported yet. */
    final AtomicBoolean feedDue = new AtomicBoolean();
    /** When the feed last reported this device. */
    final AtomicLong lastFeed = new AtomicLong();
    /** Whether the stored values were read after the device came into memory; the feed waits for them. */
    volatile boolean loaded;
    /** Open connections of the device; guarded by the map entry (compute) of its ID. */
    int connections;
    /** Write cycles the device has been idle and written; it leaves memory after two. */
    int idleCycles;

    LiveDevice(String registryId, String deviceId) {
        this.registryId = registryId;
        this.deviceId = deviceId;
    }

    void authenticated(String address, long now) {
        authIp = address;
        authTime.set(now);
        onlineTime.set(now);
    }

    void published(long now) {
        pubTime.set(now);
        onlineTime.set(now);
    }

    /**
     * Someone published on the device's behalf over HTTP: publish activity, but not the device being online
     * (it need not be connected at all).
     */
    void publishedOnItsBehalf(long now) {
        pubTime.set(now);
    }

    void subscribed(long now) {
        subTime.set(now);
        onlineTime.set(now);
    }

    void seen(long now) {
        onlineTime.set(now);
    }

    /** The device was online right up to this moment. */
    void disconnected(long now) {
        disconnectTime.set(now);
        onlineTime.set(now);
    }

    /** Takes in values stored before this device came into memory, keeping whichever is newer. */
    void merge(DeviceMonitoringData stored) {
        if (stored.lastAuthTime() != null && millis(stored.lastAuthTime()) > authTime.get()) {
            synchronized (this) {
                if (millis(stored.lastAuthTime()) > authTime.get()) {
                    authIp = stored.lastAuthIp();
                    authTime.set(millis(stored.lastAuthTime()));
                }
            }
        }
        keepNewer(pubTime, stored.lastPubActivityTime());
        keepNewer(subTime, stored.lastSubActivityTime());
        keepNewer(onlineTime, stored.lastOnlineTime());
        keepNewer(disconnectTime, stored.lastDisconnectTime());
    }

    DeviceMonitoringData snapshot() {
        return new DeviceMonitoringData(authIp, instant(authTime.get()), instant(pubTime.get()), instant(subTime.get()),
                instant(onlineTime.get()), instant(disconnectTime.get()));
    }

    /** Per field, the newer of this device's values and {@code stored}. */
    DeviceMonitoringData over(DeviceMonitoringData stored) {
        DeviceMonitoringData live = snapshot();
        DeviceMonitoringData base = stored == null ? DeviceMonitoringData.NONE : stored;
        boolean liveAuth = newer(live.lastAuthTime(), base.lastAuthTime()) == live.lastAuthTime();
        return new DeviceMonitoringData(liveAuth ? live.lastAuthIp() : base.lastAuthIp(),
                newer(live.lastAuthTime(), base.lastAuthTime()),
                newer(live.lastPubActivityTime(), base.lastPubActivityTime()),
                newer(live.lastSubActivityTime(), base.lastSubActivityTime()),
                newer(live.lastOnlineTime(), base.lastOnlineTime()),
                newer(live.lastDisconnectTime(), base.lastDisconnectTime()));
    }

    private static Instant newer(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isAfter(a) ? a : b;
    }

    private static void keepNewer(AtomicLong field, Instant stored) {
        if (stored != null) {
            field.accumulateAndGet(millis(stored), Math::max);
        }
    }

    private static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    private static Instant instant(long millis) {
        return millis == 0 ? null : Instant.ofEpochMilli(millis);
    }
}
