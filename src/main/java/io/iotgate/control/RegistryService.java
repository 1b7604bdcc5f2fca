package io.iotgate.control;

import io.iotgate.control.ControlFailure.AlreadyExists;
import io.iotgate.control.ControlFailure.NotFound;
import io.iotgate.model.Change;
import io.iotgate.model.LogOptions;
import io.iotgate.model.Operation;
import io.iotgate.model.Page;
import io.iotgate.model.PageRequest;
import io.iotgate.model.Registry;
import io.iotgate.model.ResourceKind;
import io.iotgate.model.ResourceRef;
import io.iotgate.model.ResourceStatus;
import io.iotgate.store.DeviceRepository;
import io.iotgate.store.DuplicateKeyException;
import io.iotgate.store.FolderRepository;
import io.iotgate.store.RegistryRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Registries: create, read, change, disable and delete, each change with its operation. */
@ApplicationScoped
public class RegistryService {

    private static final Set<String> UPDATABLE = Set.of("name", "description", "labels", "logOptions");

    public record NewRegistry(String folderId, String name, String description, Map<String, String> labels,
                              List<String> certificates, String password, LogOptions logOptions) {}

    public record RegistryChanges(String updateMask, String name, String description, Map<String, String> labels,
                                  LogOptions logOptions) {}

    /** One alias of a registry's devices, as {@code listDeviceTopicAliases} shows it. */
    public record DeviceAlias(String alias, String deviceId, String topicPrefix) {}

    private final Pool pool;
    private final RegistryRepository registries;
    private final DeviceRepository devices;
    private final FolderRepository folders;
    private final Credentials credentials;
    private final Operations operations;
    private final ChangeEvents changes;

    RegistryService(Pool pool, RegistryRepository registries, DeviceRepository devices, FolderRepository folders,
                    Credentials credentials, Operations operations, ChangeEvents changes) {
        this.pool = pool;
        this.registries = registries;
        this.devices = devices;
        this.folders = folders;
        this.credentials = credentials;
        this.operations = operations;
        this.changes = changes;
    }

    public Uni<Operation> create(Caller caller, NewRegistry request) {
        String folderId = ResourceFields.required("folderId", request.folderId());
        FolderAccess.requireInFolder(caller, folderId, Permission.WRITE);
        var registry = new Registry(IdGenerator.next(ResourceKind.REGISTRY.idPrefix()), folderId,
                Instant.now().truncatedTo(ChronoUnit.MICROS), ResourceFields.name(request.name()),
                ResourceFields.description(request.description()), ResourceFields.labels(request.labels()),
                ResourceStatus.ACTIVE, ResourceFields.logOptions(request.logOptions()));
        var owner = new ResourceRef(ResourceKind.REGISTRY, registry.id(), folderId);
        return credentials.prepare(request.certificates(), request.password()).flatMap(initial ->
                pool.withTransaction(tx -> requireFolder(tx, folderId)
                        .flatMap(v -> registries.insert(tx, registry))
                        .onFailure(DuplicateKeyException.class).transform(e -> nameTaken(registry.name()))
                        .flatMap(v -> credentials.attach(tx, owner, initial))
                        .flatMap(v -> operations.record(tx, caller, done(registry, "Create registry")))));
    }

    public Uni<Registry> get(Caller caller, String registryId) {
        return pool.withConnection(db -> find(db, caller, registryId, Permission.READ_METADATA));
    }

    public Uni<Registry> getByName(Caller caller, String folderId, String name) {
        ResourceFields.required("folderId", folderId);
        ResourceFields.required("registryName", name);
        FolderAccess.requireInFolder(caller, folderId, Permission.READ_METADATA);
        return pool.withConnection(db -> registries.findByName(db, folderId, name))
                .map(found -> found.orElseThrow(() -> new NotFound("Registry " + name + " not found")));
    }

    public Uni<Page<Registry>> list(Caller caller, String folderId, PageRequest page) {
        ResourceFields.required("folderId", folderId);
        FolderAccess.requireInFolder(caller, folderId, Permission.READ_METADATA);
        return pool.withConnection(db -> registries.list(db, folderId, page));
    }

    public Uni<Operation> update(Caller caller, String registryId, RegistryChanges request) {
        Set<String> mask = ResourceFields.updateMask(request.updateMask(), UPDATABLE);
        return pool.withTransaction(tx -> findForUpdate(tx, caller, registryId).flatMap(current -> {
            var updated = new Registry(current.id(), current.folderId(), current.createdAt(),
                    mask.contains("name") ? ResourceFields.name(request.name()) : current.name(),
                    mask.contains("description") ? ResourceFields.description(request.description()) : current.description(),
                    mask.contains("labels") ? ResourceFields.labels(request.labels()) : current.labels(),
                    current.status(),
                    mask.contains("logOptions") ? ResourceFields.logOptions(request.logOptions()) : current.logOptions());
            return registries.update(tx, updated)
                    .onFailure(DuplicateKeyException.class).transform(e -> nameTaken(updated.name()))
                    .flatMap(v -> operations.record(tx, caller, done(updated, "Update registry")));
        }));
    }

    public Uni<Operation> disable(Caller caller, String registryId) {
        return setStatus(caller, registryId, ResourceStatus.DISABLED, "Disable registry", new Change.RegistryDisabled(registryId));
    }

    public Uni<Operation> enable(Caller caller, String registryId) {
        return setStatus(caller, registryId, ResourceStatus.ACTIVE, "Enable registry", new Change.RegistryEnabled(registryId));
    }

    /** Deletes the registry with its devices and every credential of either; live sessions end through the events. */
    public Uni<Operation> delete(Caller caller, String registryId) {
        return pool.withTransaction(tx -> findForUpdate(tx, caller, registryId).flatMap(registry ->
                        devices.idsOfRegistry(tx, registryId).flatMap(deviceIds -> {
                            List<Change> deleted = new ArrayList<>();
                            deviceIds.forEach(id -> deleted.add(new Change.ResourceDeleted(
                                    new ResourceRef(ResourceKind.DEVICE, id, registry.folderId()))));
                            deleted.add(new Change.ResourceDeleted(
                                    new ResourceRef(ResourceKind.REGISTRY, registryId, registry.folderId())));
                            return credentials.deleteAllOf(tx, ResourceKind.DEVICE, deviceIds)
                                    .flatMap(v -> credentials.deleteAllOf(tx, ResourceKind.REGISTRY, List.of(registryId)))
                                    .flatMap(v -> registries.delete(tx, registryId))
                                    .flatMap(v -> operations.record(tx, caller, new Operations.Done(registry.folderId(),
                                            registryId, "Delete registry", Map.of("registryId", registryId), null)))
                                    .map(op -> new Committed(op, deleted));
                        })))
                .invoke(changes::fire)
                .map(Committed::operation);
    }

    public Uni<List<DeviceAlias>> deviceTopicAliases(Caller caller, String registryId) {
        return pool.withConnection(db -> find(db, caller, registryId, Permission.READ_METADATA)
                .flatMap(registry -> devices.withAliases(db, registryId)))
                .map(withAliases -> {
                    var byAlias = new TreeMap<String, DeviceAlias>();
                    withAliases.forEach(device -> device.topicAliases().forEach((alias, topic) ->
                            byAlias.put(alias, new DeviceAlias(alias, device.id(), topic))));
                    return List.copyOf(byAlias.values());
                });
    }

    public Uni<Page<Operation>> operations(Caller caller, String registryId, PageRequest page) {
        return pool.withConnection(db -> find(db, caller, registryId, Permission.READ_METADATA)
                .flatMap(registry -> operations.ofResource(db, registryId, page)));
    }

    private Uni<Operation> setStatus(Caller caller, String registryId, ResourceStatus status, String description,
                                     Change change) {
        return pool.withTransaction(tx -> findForUpdate(tx, caller, registryId).flatMap(current -> {
                    var updated = new Registry(current.id(), current.folderId(), current.createdAt(), current.name(),
                            current.description(), current.labels(), status, current.logOptions());
                    return registries.update(tx, updated)
                            .flatMap(v -> operations.record(tx, caller, done(updated, description)))
                            .map(op -> Committed.of(op, change));
                }))
                .invoke(changes::fire)
                .map(Committed::operation);
    }

    private Uni<Registry> find(SqlClient db, Caller caller, String registryId, Permission permission) {
        return registries.find(db, registryId).map(found -> FolderAccess.visible(found, Registry::folderId,
                caller, permission, Owners.notFoundMessage(ResourceKind.REGISTRY, registryId)));
    }

    /** Locks the row until the transaction ends, so concurrent changes of one registry serialize. */
    private Uni<Registry> findForUpdate(SqlClient tx, Caller caller, String registryId) {
        return registries.findForUpdate(tx, registryId).map(found -> FolderAccess.visible(found, Registry::folderId,
                caller, Permission.WRITE, Owners.notFoundMessage(ResourceKind.REGISTRY, registryId)));
    }

    private Uni<Void> requireFolder(SqlClient tx, String folderId) {
        return folders.find(tx, folderId).map(found -> {
            found.orElseThrow(() -> new NotFound("Folder " + folderId + " not found"));
            return null;
        });
    }

    private static Operations.Done done(Registry registry, String description) {
        return new Operations.Done(registry.folderId(), registry.id(), description,
                Map.of("registryId", registry.id()), registry);
    }

    private static AlreadyExists nameTaken(String name) {
        return new AlreadyExists("Registry with name " + name + " already exists in this folder");
    }
}
