package io.iotgate.boot;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, before Quarkus starts, whether iotgate runs its embedded PostgreSQL: only when neither
 * datasource URL is configured, as a system property or in Quarkus' environment-variable form.
 */
record DatabaseChoice(Map<String, String> systemProperties, Map<String, String> environment) {

    static DatabaseChoice ofThisProcess() {
        Map<String, String> properties = new java.util.HashMap<>();
        System.getProperties().forEach((key, value) -> properties.put(String.valueOf(key), String.valueOf(value)));
        return new DatabaseChoice(properties, System.getenv());
    }

    boolean useEmbedded() {
        return setting("quarkus.datasource.reactive.url").isEmpty() && setting("quarkus.datasource.jdbc.url").isEmpty();
    }

    Path dataDir() {
        return Path.of(setting("iotgate.storage.data-dir").orElse("data")).toAbsolutePath();
    }

    int embeddedPort() {
        return Integer.parseInt(setting("iotgate.storage.embedded-port").orElse("0"));
    }

    /** A setting as a system property or, in Quarkus' environment-variable form, from the environment. */
    Optional<String> setting(String name) {
        String value = systemProperties.get(name);
        if (value == null) {
            value = environment.get(name.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
