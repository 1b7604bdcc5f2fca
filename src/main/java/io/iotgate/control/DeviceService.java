package io.iotgate.control;

import io.iotgate.control.ControlFailure.AlreadyExists;
import io.iotgate.control.ControlFailure.InvalidArgument;
import io.iotgate.control.ControlFailure.NotFound;
import io.iotgate.model.Change;
import io.iotgate.model.Device;
import io.iotgate.model.Operation;
import io.iotgate.model.Page;
import io.iotgate.model.PageRequest;
import io.iotgate.model.Registry;
import io.iotgate.model.ResourceKind;
import io.iotgate.model.ResourceRef;
import io.iotgate.model.ResourceStatus;
import io.iotgate.observe.DeviceMonitoring;
import io.iotgate.store.DeviceRepository;
import io.iotgate.store.DuplicateKeyException;
import io.iotgate.store.RegistryRepository;
import io.iotgate.tenancy.registry.TopicAliasRules;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Devices of a registry, with their topic aliases, credentials and operations. */
@ApplicationScoped
public class DeviceService {

    private static final Set<String> UPDATABLE = Set.of("name", "description", "labels", "topicAliases");

    public record NewDevice(String registryId, String name, String description, Map<String, String> labels,
                            List<String> certificates, Map<String, String> topicAliases, String password) {}

    public record DeviceChanges(String updateMask, String name, String description, Map<String, String> labels,
                                Map<String, String> topicAliases) {}

    /** BASIC leaves out the monitoring data, FULL includes it, as IoT Core's deviceView. */
    public enum View { BASIC, FULL }

    private final Pool pool;
    private final DeviceRepository devices;
    private final RegistryRepository registries;
    private final Credentials credentials;
    private final Operations operations;
    private final ChangeEvents changes;
    private final DeviceMonitoring monitoring;

    DeviceService(Pool pool, DeviceRepository devices, RegistryRepository registries, Credentials credentials,
                  Operations operations, ChangeEvents changes, DeviceMonitoring monitoring) {
        this.pool = pool;
        this.devices = devices;
        this.registries = registries;
        this.credentials = credentials;
        this.operations = operations;
        this.changes = changes;
        this.monitoring = monitoring;
    }

    public Uni<Operation> create(Caller caller, NewDevice request) {
        String registryId = ResourceFields.required("registryId", request.registryId());
        String id = IdGenerator.next(ResourceKind.DEVICE.idPrefix());
        String name = ResourceFields.name(request.name());
        String description = ResourceFields.description(request.description());
        Map<String, String> labels = ResourceFields.labels(request.labels());
        Map<String, String> aliases = TopicAliasRules.resolvePlaceholders(
                request.topicAliases() == null ? Map.of() : request.topicAliases(), id);
        return credentials.prepare(request.certificates(), request.password()).flatMap(initial ->
                pool.withTransaction(tx -> lockRegistry(tx, caller, registryId).flatMap(registry -> {
                    var device = new Device(id, registryId, registry.folderId(),
                            Instant.now().truncatedTo(ChronoUnit.MICROS), name, description, labels, aliases,
                            ResourceStatus.ACTIVE, null);
                    var owner = new ResourceRef(ResourceKind.DEVICE, id, registry.folderId());
                    return checkAliases(tx, device)
                            .flatMap(v -> devices.insert(tx, device))
                            .onFailure(DuplicateKeyException.class).transform(e -> nameTaken(name))
                            .flatMap(v -> credentials.attach(tx, owner, initial))
                            .flatMap(v -> operations.record(tx, caller, done(device, "Create device")))
                            .map(op -> Committed.of(op, new Change.DeviceCreated(registryId, id)));
                }))
                .invoke(changes::fire)
                .map(Committed::operation));
    }

    public Uni<Device> get(Caller caller, String deviceId, View view) {
        return pool.withConnection(db -> find(db, caller, deviceId, permissionFor(view)))
                .map(device -> shown(device, view));
    }

    public Uni<Device> getByName(Caller caller, String registryId, String name, View view) {
        ResourceFields.required("registryId", registryId);
        ResourceFields.required("deviceName", name);
        return pool.withConnection(db -> findRegistry(db, caller, registryId, permissionFor(view))
                        .flatMap(registry -> devices.findByName(db, registryId, name)))
                .map(found -> shown(found.orElseThrow(() -> new NotFound("Device " + name + " not found")), view));
    }

    /** Lists the devices of a registry, or of a whole folder when no registry is named. */
    public Uni<Page<Device>> list(Caller caller, String registryId, String folderId, PageRequest page, View view) {
        if (registryId != null && !registryId.isBlank()) {
            return pool.withConnection(db -> findRegistry(db, caller, registryId, permissionFor(view))
                            .flatMap(registry -> devices.listByRegistry(db, registryId, page)))
                    .map(devicesPage -> devicesPage.map(device -> shown(device, view)));
        }
        if (folderId == null || folderId.isBlank()) {
            throw new InvalidArgument("registryId: required unless folderId is given");
        }
        FolderAccess.requireInFolder(caller, folderId, permissionFor(view));
        return pool.withConnection(db -> devices.listByFolder(db, folderId, page))
                .map(devicesPage -> devicesPage.map(device -> shown(device, view)));
    }

    public Uni<Operation> update(Caller caller, String deviceId, DeviceChanges request) {
        Set<String> mask = ResourceFields.updateMask(request.updateMask(), UPDATABLE);
        return pool.withTransaction(tx -> find(tx, caller, deviceId, Permission.WRITE)
                .flatMap(current -> lockRegistry(tx, caller, current.registryId()).replaceWith(current))
                .flatMap(current -> {
                    Map<String, String> aliases = mask.contains("topicAliases")
                            ? TopicAliasRules.resolvePlaceholders(
                                    request.topicAliases() == null ? Map.of() : request.topicAliases(), deviceId)
                            : current.topicAliases();
                    var updated = new Device(current.id(), current.registryId(), current.folderId(),
                            current.createdAt(),
                            mask.contains("name") ? ResourceFields.name(request.name()) : current.name(),
                            mask.contains("description") ? ResourceFields.description(request.description()) : current.description(),
                            mask.contains("labels") ? ResourceFields.labels(request.labels()) : current.labels(),
                            aliases, current.status(), null);
                    return checkAliases(tx, updated)
                            .flatMap(v -> devices.update(tx, updated))
                            .onFailure(DuplicateKeyException.class).transform(e -> nameTaken(updated.name()))
                            .flatMap(v -> operations.record(tx, caller, done(updated, "Update device")))
                            .map(op -> Committed.of(op, new Change.DeviceAliasesChanged(updated.registryId(), deviceId)));
                }))
                .invoke(changes::fire)
                .map(Committed::operation);
    }

    public Uni<Operation> delete(Caller caller, String deviceId) {
        return pool.withTransaction(tx -> find(tx, caller, deviceId, Permission.WRITE).flatMap(device ->
                        credentials.deleteAllOf(tx, ResourceKind.DEVICE, List.of(deviceId))
                                .flatMap(v -> devices.delete(tx, deviceId))
                                .flatMap(v -> operations.record(tx, caller, new Operations.Done(device.folderId(),
                                        deviceId, "Delete device", Map.of("deviceId", deviceId), null)))
                                .map(op -> Committed.of(op, new Change.ResourceDeleted(
                                        new ResourceRef(ResourceKind.DEVICE, deviceId, device.folderId()))))))
                .invoke(changes::fire)
                .map(Committed::operation);
    }

    public Uni<Page<Operation>> operations(Caller caller, String deviceId, PageRequest page) {
        return pool.withConnection(db -> find(db, caller, deviceId, Permission.READ_METADATA)
                .flatMap(device -> operations.ofResource(db, deviceId, page)));
    }

    /** Aliases are checked against the whole registry while its row is locked, so two requests cannot race past the prefix rule. */
    private Uni<Void> checkAliases(SqlClient tx, Device device) {
        return devices.withAliases(tx, device.registryId()).map(others -> {
            Map<String, String> otherAliases = new LinkedHashMap<>();
            others.stream().filter(other -> !other.id().equals(device.id()))
                    .forEach(other -> otherAliases.putAll(other.topicAliases()));
            TopicAliasRules.problemWith(device.topicAliases(), device.id(), otherAliases).ifPresent(problem -> {
                throw new InvalidArgument(problem);
            });
            return null;
        });
    }

    private Uni<Registry> lockRegistry(SqlClient tx, Caller caller, String registryId) {
        return registries.findForUpdate(tx, registryId).map(found -> FolderAccess.visible(found, Registry::folderId,
                caller, Permission.WRITE, Owners.notFoundMessage(ResourceKind.REGISTRY, registryId)));
    }

    private Uni<Registry> findRegistry(SqlClient db, Caller caller, String registryId, Permission permission) {
        return registries.find(db, registryId).map(found -> FolderAccess.visible(found, Registry::folderId,
                caller, permission, Owners.notFoundMessage(ResourceKind.REGISTRY, registryId)));
    }

    private Uni<Device> find(SqlClient db, Caller caller, String deviceId, Permission permission) {
        return devices.find(db, deviceId).map(found -> FolderAccess.visible(found, Device::folderId,
                caller, permission, Owners.notFoundMessage(ResourceKind.DEVICE, deviceId)));
    }

    /** Monitoring data is device data, not metadata: only the full view shows it, and it needs READ. */
    private static Permission permissionFor(View view) {
        return view == View.FULL ? Permission.READ : Permission.READ_METADATA;
    }

    /** The full view shows what the gateway saw until now, also what it has not written to the database yet. */
    private Device shown(Device device, View view) {
        return view == View.FULL
                ? device.withMonitoringData(monitoring.current(device.id(), device.monitoringData()))
                : device.withoutMonitoringData();
    }

    private static Operations.Done done(Device device, String description) {
        return new Operations.Done(device.folderId(), device.id(), description, Map.of("deviceId", device.id()), device);
    }

    private static AlreadyExists nameTaken(String name) {
        return new AlreadyExists("Device with name " + name + " already exists in this registry");
    }
}
