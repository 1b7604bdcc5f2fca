package io.iotgate.boot;

import io.iotgate.config.StorageConfig;
import io.iotgate.control.ApiKeyService;
import io.iotgate.control.IdGenerator;
import io.iotgate.model.Folder;
import io.iotgate.model.Role;
import io.iotgate.store.FolderRepository;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * On the very first start (no folder exists yet) creates the {@code default} folder and an administrator
 * API key, prints the key once, and writes it to {@code <data-dir>/admin-api-key}, readable by the owner
 * only. Later starts find the folder and print no secret.
 */
@ApplicationScoped
class FirstRunAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstRunAdministrator.class);
    static final String KEY_FILE = "admin-api-key";

    void onStart(@Observes StartupEvent event, Pool pool, FolderRepository folders, ApiKeyService apiKeys,
                 StorageConfig storage) {
        var created = pool.withTransaction(tx -> folders.count(tx).flatMap(count -> {
            if (count > 0) {
                return io.smallrye.mutiny.Uni.createFrom().<ApiKeyService.CreatedApiKey>nullItem();
            }
            var folder = new Folder(IdGenerator.next(IdGenerator.FOLDER), "default", "Created on the first start",
                    Instant.now().truncatedTo(ChronoUnit.MICROS));
            return folders.insert(tx, folder)
                    .flatMap(v -> apiKeys.issue(tx, folder.id(), Role.ADMIN, "First-run administrator"));
        })).await().indefinitely();
        if (created == null) {
            return;
        }
        Path file = storage.dataDir().resolve(KEY_FILE);
        write(file, created.secret());
        LOG.infof("%n%n  First start: created folder %s and an administrator API key.%n"
                        + "  Send it as this header (shown once; also saved to %s):%n%n"
                        + "    Authorization: Api-Key %s%n",
                created.apiKey().folderId(), file.toAbsolutePath(), created.secret());
    }

    private static void write(Path file, String key) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, key + System.lineSeparator(), StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the administrator key to " + file, e);
        }
    }
}
