package io.iotgate.control;

import io.iotgate.control.ControlFailure.NotFound;
import io.iotgate.model.ResourceKind;
import io.iotgate.model.ResourceRef;
import io.iotgate.store.BrokerRepository;
import io.iotgate.store.DeviceRepository;
import io.iotgate.store.RegistryRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Finds the registry, device or broker a credential or operation belongs to, and checks that the caller
 * may act on it. Missing and foreign resources give the same NOT_FOUND.
 */
@ApplicationScoped
class Owners {

    private final RegistryRepository registries;
    private final DeviceRepository devices;
    private final BrokerRepository brokers;

    Owners(RegistryRepository registries, DeviceRepository devices, BrokerRepository brokers) {
        this.registries = registries;
        this.devices = devices;
        this.brokers = brokers;
    }

    Uni<ResourceRef> require(SqlClient db, Caller caller, ResourceKind kind, String id, Permission permission) {
        String notFound = notFoundMessage(kind, id);
        return folderOf(db, kind, id).map(folder -> {
            String folderId = folder.orElseThrow(() -> new NotFound(notFound));
            FolderAccess.require(caller, folderId, permission, notFound);
            return new ResourceRef(kind, id, folderId);
        });
    }

    static String notFoundMessage(ResourceKind kind, String id) {
        String noun = switch (kind) {
            case REGISTRY -> "Registry";
            case DEVICE -> "Device";
            case BROKER -> "Broker";
        };
        return noun + " " + id + " not found";
    }

    private Uni<Optional<String>> folderOf(SqlClient db, ResourceKind kind, String id) {
        return switch (kind) {
            case REGISTRY -> registries.find(db, id).map(r -> r.map(x -> x.folderId()));
            case DEVICE -> devices.find(db, id).map(d -> d.map(x -> x.folderId()));
            case BROKER -> brokers.find(db, id).map(b -> b.map(x -> x.folderId()));
        };
    }
}
