package io.iotgate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The connection log: connects, disconnects and refusals of MQTT clients, kept in PostgreSQL and read
 * through the API per registry, device and broker. Entries are buffered in memory and written in batches.
 */
@ConfigMapping(prefix = "iotgate.connection-log")
public interface ConnectionLogConfig {

    /** How long an entry is kept; older entries are deleted every {@link #purgeInterval()}. */
    @WithDefault("7d")
    Duration retention();

    /** How often the old entries are deleted. */
    @WithDefault("1h")
    Duration purgeInterval();

    /** How often buffered entries are written to the database. */
    @WithDefault("1s")
    Duration flushInterval();

    /**
     * Entries held in memory until the next write. When it is full, new entries are dropped and counted
     * ({@code iotgate_connection_log_dropped_total}) rather than slowing down any connection.
     */
    @WithDefault("10000")
    int bufferSize();
}
