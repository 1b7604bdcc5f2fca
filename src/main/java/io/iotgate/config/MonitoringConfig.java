package io.iotgate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Device monitoring data ({@code monitoringData} of {@code deviceView=FULL}) and the {@code $monitoring/<deviceId>/json}
 * feed. Both are kept in memory on every PUBLISH and SUBSCRIBE and written behind, never once per message.
 */
@ConfigMapping(prefix = "iotgate.monitoring")
public interface MonitoringConfig {

    /** How often changed monitoring data is written to the database (in one batch), and at shutdown. */
    @WithDefault("5s")
    Duration flushInterval();

    /**
     * The shortest time between two messages of one device's {@code $monitoring/<deviceId>/json} feed, so a
     * busy device cannot multiply traffic. Activity within the interval is reported once when it ends.
     */
    @WithDefault("1s")
    Duration feedInterval();
}
