package io.iotgate.control;

import io.iotgate.control.ImportGroup.Entry;
import io.iotgate.model.Broker;
import io.iotgate.model.Change;
import io.iotgate.model.Device;
import io.iotgate.model.Registry;
import io.iotgate.store.BrokerRepository;
import io.iotgate.store.DeviceRepository;
import io.iotgate.store.RegistryRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Stores one imported registry, device or broker with the statements the create calls use: the row, its
 * certificates and password, and an operation like a create's (described "Import ..."), all inside the
 * caller's transaction.
 */
@ApplicationScoped
class ImportWriter {

    private final RegistryRepository registries;
    private final DeviceRepository devices;
    private final BrokerRepository brokers;
    private final Credentials credentials;
    private final Operations operations;

    ImportWriter(RegistryRepository registries, DeviceRepository devices, BrokerRepository brokers,
                 Credentials credentials, Operations operations) {
        this.registries = registries;
        this.devices = devices;
        this.brokers = brokers;
        this.credentials = credentials;
        this.operations = operations;
    }

    /** @return the operation, and for a device the change the gateway must hear of once the import commits */
    Uni<Committed> create(SqlClient tx, Caller caller, Entry entry, String passwordHash) {
        Uni<Void> row = switch (entry.ref().kind()) {
            case REGISTRY -> registries.insert(tx, (Registry) entry.resource());
            case DEVICE -> devices.insert(tx, (Device) entry.resource());
            case BROKER -> brokers.insert(tx, (Broker) entry.resource());
        };
        return row.flatMap(v -> credentials.attach(tx, entry.ref(),
                        new Credentials.Initial(entry.certificates(), passwordHash)))
                .flatMap(v -> operations.record(tx, caller, new Operations.Done(entry.ref().folderId(),
                        entry.ref().id(), "Import " + ImportPlanner.noun(entry.ref().kind()),
                        Map.of(Credentials.ownerKey(entry.ref()), entry.ref().id()), entry.resource())))
                .map(operation -> entry.resource() instanceof Device device
                        ? Committed.of(operation, new Change.DeviceCreated(device.registryId(), device.id()))
                        : Committed.of(operation));
    }
}
