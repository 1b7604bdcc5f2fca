package io.iotgate.boot;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the embedded PostgreSQL before Quarkus when no external database is configured, because the
 * datasources and Flyway read their URLs while Quarkus starts (see {@link DatabaseChoice}).
 */
@QuarkusMain
public final class IotgateMain {

    private IotgateMain() {
    }

    private static volatile EmbeddedDatabase embedded;

    public static void main(String... args) {
        DatabaseChoice choice = DatabaseChoice.ofThisProcess();
        if (choice.useEmbedded()) {
            embedded = EmbeddedDatabase.start(choice.dataDir(), choice.embeddedPort());
            embedded.datasourceProperties().forEach(System::setProperty);
            System.setProperty("iotgate.storage.data-dir", choice.dataDir().toString());
        }
        try {
            Quarkus.run(args);
        } finally {
            stopEmbeddedDatabase();
        }
    }

    /** Stops the embedded PostgreSQL, if this process started one; see {@link EmbeddedDatabaseShutdown}. */
    static void stopEmbeddedDatabase() {
        EmbeddedDatabase running = embedded;
        if (running != null) {
            running.close();
        }
    }
}
