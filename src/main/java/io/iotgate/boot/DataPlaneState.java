package io.iotgate.boot;

import io.iotgate.observe.GatewayActivity;
import io.iotgate.tenancy.FolderLimits;
import io.iotgate.tenancy.RegistryDevices;
import io.iotgate.tenancy.RetainedMessagesKeeper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * What the data plane holds in memory and keeps in PostgreSQL, read before the MQTT listeners open (they
 * start at priority 3000) and written a last time at shutdown, before the embedded database stops.
 * Waiting is allowed here: start-up and shutdown run on the main thread, not on an event loop.
 */
@ApplicationScoped
class DataPlaneState {

    private static final Logger LOG = Logger.getLogger(DataPlaneState.class);
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);

    void load(@Observes @Priority(10) StartupEvent event, FolderLimits limits, RegistryDevices devices,
              RetainedMessagesKeeper kept) {
        limits.load().await().atMost(LOAD_TIMEOUT);
        devices.load().await().atMost(LOAD_TIMEOUT);
        kept.load().await().atMost(LOAD_TIMEOUT);
    }

    void flush(@Observes ShutdownEvent event, RetainedMessagesKeeper kept, GatewayActivity activity) {
        kept.stopWritingBehind();
        try {
            kept.flush().await().atMost(FLUSH_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.errorf("Could not write the last retained and permanent messages: %s", e.getMessage());
        }
        try {
            activity.flush().await().atMost(FLUSH_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.warnf("Could not write the last connection log entries and monitoring data: %s", e.getMessage());
        }
    }
}
