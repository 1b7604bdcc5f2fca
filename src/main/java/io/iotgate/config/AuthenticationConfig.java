package io.iotgate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How MQTT clients are authenticated, and how guessing is slowed down. */
@ConfigMapping(prefix = "iotgate.authentication")
public interface AuthenticationConfig {

    /** Failed attempts from one address or for one ID before each further attempt must wait. */
    @WithDefault("5")
    int freeAttempts();

    /** The first wait; it doubles with every further failure. */
    @WithDefault("1s")
    Duration firstDelay();

    /** The longest wait. */
    @WithDefault("60s")
    Duration maxDelay();

    /** Successful password checks remembered, so reconnects skip the slow hash. */
    @WithDefault("100000")
    int passwordCacheSize();
}
