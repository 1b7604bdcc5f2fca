package io.iotgate.control;

import io.iotgate.control.ControlFailure.AlreadyExists;
import io.iotgate.control.ControlFailure.PermissionDenied;
import io.iotgate.model.Folder;
import io.iotgate.model.Operation;
import io.iotgate.model.Page;
import io.iotgate.model.PageRequest;
import io.iotgate.store.DuplicateKeyException;
import io.iotgate.store.FolderRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Folders, the tenants: administrators create them; everyone lists the ones they hold a role on. */
@ApplicationScoped
public class FolderService {

    public record NewFolder(String name, String description) {}

    private final Pool pool;
    private final FolderRepository folders;
    private final Operations operations;

    FolderService(Pool pool, FolderRepository folders, Operations operations) {
        this.pool = pool;
        this.folders = folders;
        this.operations = operations;
    }

    public Uni<Operation> create(Caller caller, NewFolder request) {
        requireAdministrator(caller);
        var folder = new Folder(IdGenerator.next(IdGenerator.FOLDER), ResourceFields.name(request.name()),
                ResourceFields.description(request.description()), Instant.now().truncatedTo(ChronoUnit.MICROS));
        return pool.withTransaction(tx -> folders.insert(tx, folder)
                .onFailure(DuplicateKeyException.class)
                .transform(e -> new AlreadyExists("Folder with name " + folder.name() + " already exists"))
                .flatMap(v -> operations.record(tx, caller, new Operations.Done(folder.id(), folder.id(),
                        "Create folder", Map.of("folderId", folder.id()), folder))));
    }

    public Uni<Folder> get(Caller caller, String folderId) {
        FolderAccess.requireInFolder(caller, folderId, Permission.READ_METADATA);
        return pool.withConnection(db -> folders.find(db, folderId))
                .map(found -> found.orElseThrow(() -> new ControlFailure.NotFound("Folder " + folderId + " not found")));
    }

    public Uni<Page<Folder>> list(Caller caller, PageRequest page) {
        if (caller.administrator()) {
            return pool.withConnection(db -> folders.list(db, page));
        }
        // A caller without administration sees only its own folders: few, so one page.
        return pool.withConnection(db -> io.smallrye.mutiny.Multi.createFrom().iterable(caller.folders().stream().sorted().toList())
                .onItem().transformToUniAndConcatenate(id -> folders.find(db, id))
                .filter(java.util.Optional::isPresent).map(java.util.Optional::get)
                .collect().asList())
                .map(list -> new Page<>(list, null));
    }

    static void requireAdministrator(Caller caller) {
        if (!caller.administrator()) {
            throw new PermissionDenied("Permission denied: only an administrator manages folders and API keys");
        }
    }
}
