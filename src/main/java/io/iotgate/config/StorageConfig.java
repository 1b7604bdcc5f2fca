package io.iotgate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;

/** Where iotgate keeps its files. */
@ConfigMapping(prefix = "iotgate.storage")
public interface StorageConfig {

    /**
     * The data directory: the embedded PostgreSQL cluster ({@code postgres/}), the first-run admin key
     * ({@code admin-api-key}) and generated TLS material live here. Relative paths start at the working directory.
     */
    @WithDefault("data")
    Path dataDir();

    /**
     * Port of the embedded PostgreSQL on the loopback interface; 0 picks a free one at each start.
     * Ignored when an external database is configured through {@code quarkus.datasource.*}.
     */
    @WithDefault("0")
    int embeddedPort();
}
