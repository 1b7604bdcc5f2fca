package io.iotgate.boot;

import io.iotgate.cli.ImportCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.util.List;

/**
 * Starts the embedded PostgreSQL before Quarkus when no external database is configured, because the
 * datasources and Flyway read their URLs while Quarkus starts (see {@link DatabaseChoice}). With the first
 * argument {@code import}, runs the command-line import instead: a client of a running service, it needs
 * neither Quarkus nor a database.
 */
@QuarkusMain
public final class IotgateMain {

    private IotgateMain() {
    }

    private static volatile EmbeddedDatabase embedded;

    public static void main(String... args) {
        if (args.length > 0 && "import".equals(args[0])) {
            System.exit(ImportCommand.run(List.of(args).subList(1, args.length), System.getenv(), System.out, System.err));
        }
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
