package io.iotgate.model;

import java.time.Instant;

/** What the gateway last saw of a device; every field may be null until it happens once. */
public record DeviceMonitoringData(String lastAuthIp, Instant lastAuthTime, Instant lastPubActivityTime,
                                   Instant lastSubActivityTime, Instant lastOnlineTime,
                                   Instant lastDisconnectTime) {
    public static final DeviceMonitoringData NONE = new DeviceMonitoringData(null, null, null, null, null, null);
}
