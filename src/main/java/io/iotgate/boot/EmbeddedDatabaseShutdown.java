package io.iotgate.boot;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Stops the embedded PostgreSQL as the last step of a shutdown, after every other shutdown observer
 * (retained messages, connection log, monitoring data) has written what it still held. On SIGTERM the
 * JVM may end before {@code main} gets back from {@code Quarkus.run}, so this cannot wait for that.
 */
@ApplicationScoped
class EmbeddedDatabaseShutdown {

    void stop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        IotgateMain.stopEmbeddedDatabase();
    }
}
