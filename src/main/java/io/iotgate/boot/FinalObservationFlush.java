package io.iotgate.boot;

import io.iotgate.observe.GatewayActivity;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * At shutdown, writes the buffered connection log and the monitoring data the gateway has not written yet,
 * so a restart keeps them. Waiting is allowed here: shutdown runs on the main thread, not on an event loop.
 */
@ApplicationScoped
class FinalObservationFlush {

    private static final Logger LOG = Logger.getLogger(FinalObservationFlush.class);

    void onStop(@Observes ShutdownEvent event, GatewayActivity activity) {
        try {
            activity.flush().await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.warnf("Could not write the last connection log entries and monitoring data: %s", e.getMessage());
        }
    }
}
