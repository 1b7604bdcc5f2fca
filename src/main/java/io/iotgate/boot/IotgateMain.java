package io.iotgate.boot;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts the embedded PostgreSQL before Quarkus when no external database is configured, because the
 * datasources and Flyway read their URLs while Quarkus starts. An external database is configured the
 * standard way: {@code quarkus.datasource.reactive.url} and {@code quarkus.datasource.jdbc.url} as system
 * properties or as the environment variables {@code QUARKUS_DATASOURCE_REACTIVE_URL} and
 * {@code QUARKUS_DATASOURCE_JDBC_URL}.
 */
@QuarkusMain
public final class IotgateMain {

    private IotgateMain() {
    }

    public static void main(String... args) {
        EmbeddedDatabase embedded = null;
        if (setting("quarkus.datasource.reactive.url").isEmpty() && setting("quarkus.datasource.jdbc.url").isEmpty()) {
            Path dataDir = Path.of(setting("iotgate.storage.data-dir").orElse("data")).toAbsolutePath();
            int port = Integer.parseInt(setting("iotgate.storage.embedded-port").orElse("0"));
            embedded = EmbeddedDatabase.start(dataDir, port);
            embedded.datasourceProperties().forEach(System::setProperty);
            System.setProperty("iotgate.storage.data-dir", dataDir.toString());
        }
        try {
            Quarkus.run(args);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** A setting as a system property or, in Quarkus' environment-variable form, from the environment. */
    private static Optional<String> setting(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
