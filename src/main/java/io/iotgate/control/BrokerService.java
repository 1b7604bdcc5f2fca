package io.iotgate.control;

import io.iotgate.control.ControlFailure.AlreadyExists;
import io.iotgate.control.ControlFailure.NotFound;
import io.iotgate.model.Broker;
import io.iotgate.model.Change;
import io.iotgate.model.LogOptions;
import io.iotgate.model.Operation;
import io.iotgate.model.Page;
import io.iotgate.model.PageRequest;
import io.iotgate.model.ResourceKind;
import io.iotgate.model.ResourceRef;
import io.iotgate.model.ResourceStatus;
import io.iotgate.store.BrokerRepository;
import io.iotgate.store.DuplicateKeyException;
import io.iotgate.store.FolderRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Virtual brokers: create, read, change and delete, each change with its operation. */
@ApplicationScoped
public class BrokerService {

    private static final Set<String> UPDATABLE = Set.of("name", "description", "labels", "logOptions");

    public record NewBroker(String folderId, String name, String description, Map<String, String> labels,
                            List<String> certificates, String password, LogOptions logOptions) {}

    public record BrokerChanges(String updateMask, String name, String description, Map<String, String> labels,
                                LogOptions logOptions) {}

    private final Pool pool;
    private final BrokerRepository brokers;
    private final FolderRepository folders;
    private final Credentials credentials;
    private final Operations operations;
    private final ChangeEvents changes;

    BrokerService(Pool pool, BrokerRepository brokers, FolderRepository folders, Credentials credentials,
                  Operations operations, ChangeEvents changes) {
        this.pool = pool;
        this.brokers = brokers;
        this.folders = folders;
        this.credentials = credentials;
        this.operations = operations;
        this.changes = changes;
    }

    public Uni<Operation> create(Caller caller, NewBroker request) {
        String folderId = ResourceFields.required("folderId", request.folderId());
        FolderAccess.requireInFolder(caller, folderId, Permission.WRITE);
        var broker = new Broker(IdGenerator.next(ResourceKind.BROKER.idPrefix()), folderId,
                Instant.now().truncatedTo(ChronoUnit.MICROS), ResourceFields.name(request.name()),
                ResourceFields.description(request.description()), ResourceFields.labels(request.labels()),
                ResourceStatus.ACTIVE, ResourceFields.logOptions(request.logOptions()));
        var owner = new ResourceRef(ResourceKind.BROKER, broker.id(), folderId);
        return credentials.prepare(request.certificates(), request.password()).flatMap(initial ->
                pool.withTransaction(tx -> folders.find(tx, folderId)
                        .map(found -> found.orElseThrow(() -> new NotFound("Folder " + folderId + " not found")))
                        .flatMap(folder -> brokers.insert(tx, broker))
                        .onFailure(DuplicateKeyException.class).transform(e -> nameTaken(broker.name()))
                        .flatMap(v -> credentials.attach(tx, owner, initial))
                        .flatMap(v -> operations.record(tx, caller, done(broker, "Create broker")))));
    }

    public Uni<Broker> get(Caller caller, String brokerId) {
        return pool.withConnection(db -> find(db, caller, brokerId, Permission.READ_METADATA));
    }

    public Uni<Page<Broker>> list(Caller caller, String folderId, PageRequest page) {
        ResourceFields.required("folderId", folderId);
        FolderAccess.requireInFolder(caller, folderId, Permission.READ_METADATA);
        return pool.withConnection(db -> brokers.list(db, folderId, page));
    }

    public Uni<Operation> update(Caller caller, String brokerId, BrokerChanges request) {
        Set<String> mask = ResourceFields.updateMask(request.updateMask(), UPDATABLE);
        return pool.withTransaction(tx -> findForUpdate(tx, caller, brokerId).flatMap(current -> {
            var updated = new Broker(current.id(), current.folderId(), current.createdAt(),
                    mask.contains("name") ? ResourceFields.name(request.name()) : current.name(),
                    mask.contains("description") ? ResourceFields.description(request.description()) : current.description(),
                    mask.contains("labels") ? ResourceFields.labels(request.labels()) : current.labels(),
                    current.status(),
                    mask.contains("logOptions") ? ResourceFields.logOptions(request.logOptions()) : current.logOptions());
            return brokers.update(tx, updated)
                    .onFailure(DuplicateKeyException.class).transform(e -> nameTaken(updated.name()))
                    .flatMap(v -> operations.record(tx, caller, done(updated, "Update broker")));
        }));
    }

    public Uni<Operation> delete(Caller caller, String brokerId) {
        return pool.withTransaction(tx -> findForUpdate(tx, caller, brokerId).flatMap(broker ->
                        credentials.deleteAllOf(tx, ResourceKind.BROKER, List.of(brokerId))
                                .flatMap(v -> brokers.delete(tx, brokerId))
                                .flatMap(v -> operations.record(tx, caller, new Operations.Done(broker.folderId(),
                                        brokerId, "Delete broker", Map.of("brokerId", brokerId), null)))
                                .map(op -> Committed.of(op, new Change.ResourceDeleted(
                                        new ResourceRef(ResourceKind.BROKER, brokerId, broker.folderId()))))))
                .invoke(changes::fire)
                .map(Committed::operation);
    }

    public Uni<Page<Operation>> operations(Caller caller, String brokerId, PageRequest page) {
        return pool.withConnection(db -> find(db, caller, brokerId, Permission.READ_METADATA)
                .flatMap(broker -> operations.ofResource(db, brokerId, page)));
    }

    private Uni<Broker> find(SqlClient db, Caller caller, String brokerId, Permission permission) {
        return brokers.find(db, brokerId).map(found -> FolderAccess.visible(found, Broker::folderId,
                caller, permission, Owners.notFoundMessage(ResourceKind.BROKER, brokerId)));
    }

    /** Locks the row until the transaction ends, so concurrent changes of one broker serialize. */
    private Uni<Broker> findForUpdate(SqlClient tx, Caller caller, String brokerId) {
        return brokers.findForUpdate(tx, brokerId).map(found -> FolderAccess.visible(found, Broker::folderId,
                caller, Permission.WRITE, Owners.notFoundMessage(ResourceKind.BROKER, brokerId)));
    }

    private static Operations.Done done(Broker broker, String description) {
        return new Operations.Done(broker.folderId(), broker.id(), description, Map.of("brokerId", broker.id()), broker);
    }

    private static AlreadyExists nameTaken(String name) {
        return new AlreadyExists("Broker with name " + name + " already exists in this folder");
    }
}
