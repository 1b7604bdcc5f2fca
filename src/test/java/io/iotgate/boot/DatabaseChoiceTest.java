package io.iotgate.boot;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseChoiceTest {

    @Test
    void withoutADatasourceUrlTheEmbeddedDatabaseRunsInTheDefaultDataDirectory() {
        var choice = new DatabaseChoice(Map.of(), Map.of());
        assertTrue(choice.useEmbedded());
        assertEquals(Path.of("data").toAbsolutePath(), choice.dataDir());
        assertEquals(0, choice.embeddedPort());
    }

    @Test
    void anExternalDatabaseInTheEnvironmentReplacesTheEmbeddedOne() {
        var choice = new DatabaseChoice(Map.of(),
                Map.of("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://db:5432/iot"));
        assertFalse(choice.useEmbedded());
    }

    @Test
    void anExternalDatabaseAsSystemPropertyReplacesTheEmbeddedOne() {
        var choice = new DatabaseChoice(Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db/iot"), Map.of());
        assertFalse(choice.useEmbedded());
    }

    @Test
    void theDataDirectoryAndPortAreConfigurable() {
        var choice = new DatabaseChoice(Map.of("iotgate.storage.data-dir", "/srv/iot"),
                Map.of("IOTGATE_STORAGE_EMBEDDED_PORT", "15432"));
        assertEquals(Path.of("/srv/iot"), choice.dataDir());
        assertEquals(15432, choice.embeddedPort());
    }
}
