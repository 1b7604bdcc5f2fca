package io.iotgate.control;

import io.iotgate.control.ControlFailure.InvalidArgument;
import io.iotgate.model.Broker;
import io.iotgate.model.ConnectionLogEntry;
import io.iotgate.model.Device;
import io.iotgate.model.Namespace;
import io.iotgate.model.Page;
import io.iotgate.model.PageRequest;
import io.iotgate.model.Registry;
import io.iotgate.model.ResourceKind;
import io.iotgate.model.ResourceRef;
import io.iotgate.store.BrokerRepository;
import io.iotgate.store.ConnectionLogRepository;
import io.iotgate.store.ConnectionLogRepository.Scope;
import io.iotgate.store.DeviceRepository;
import io.iotgate.store.RegistryRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads the connection log of a registry (its own connections and its devices'), of one device or of a
 * broker, newest first within a time range. The log holds addresses and activity, device data like
 * {@code monitoringData}: reading it needs {@link Permission#READ} on the resource's folder.
 */
@ApplicationScoped
public class ConnectionLogService {

    /** The times asked for, as sent: RFC 3339, either may be absent. */
    public record TimeRange(String from, String to) {}

    private final Pool pool;
    private final ConnectionLogRepository log;
    private final RegistryRepository registries;
    private final DeviceRepository devices;
    private final BrokerRepository brokers;

    ConnectionLogService(Pool pool, ConnectionLogRepository log, RegistryRepository registries,
                         DeviceRepository devices, BrokerRepository brokers) {
        this.pool = pool;
        this.log = log;
        this.registries = registries;
        this.devices = devices;
        this.brokers = brokers;
    }

    public Uni<Page<ConnectionLogEntry>> ofRegistry(Caller caller, String registryId, TimeRange range, PageRequest page) {
        Bounds bounds = Bounds.of(range, page);
        return pool.withConnection(db -> registries.find(db, registryId)
                .map(found -> FolderAccess.visible(found, Registry::folderId, caller, Permission.READ,
                        Owners.notFoundMessage(ResourceKind.REGISTRY, registryId)))
                .flatMap(registry -> log.list(db, new Scope.OfNamespace(Namespace.registry(registryId)),
                        bounds.from(), bounds.to(), page)));
    }

    public Uni<Page<ConnectionLogEntry>> ofDevice(Caller caller, String deviceId, TimeRange range, PageRequest page) {
        Bounds bounds = Bounds.of(range, page);
        return pool.withConnection(db -> devices.find(db, deviceId)
                .map(found -> FolderAccess.visible(found, Device::folderId, caller, Permission.READ,
                        Owners.notFoundMessage(ResourceKind.DEVICE, deviceId)))
                .flatMap(device -> log.list(db, new Scope.OfClient(new ResourceRef(ResourceKind.DEVICE, deviceId,
                        device.folderId())), bounds.from(), bounds.to(), page)));
    }

    public Uni<Page<ConnectionLogEntry>> ofBroker(Caller caller, String brokerId, TimeRange range, PageRequest page) {
        Bounds bounds = Bounds.of(range, page);
        return pool.withConnection(db -> brokers.find(db, brokerId)
                .map(found -> FolderAccess.visible(found, Broker::folderId, caller, Permission.READ,
                        Owners.notFoundMessage(ResourceKind.BROKER, brokerId)))
                .flatMap(broker -> log.list(db, new Scope.OfNamespace(Namespace.broker(brokerId)),
                        bounds.from(), bounds.to(), page)));
    }

    /** The checked range; a page token of this list is an entry ID, so anything else is refused here. */
    private record Bounds(Instant from, Instant to) {

        static Bounds of(TimeRange range, PageRequest page) {
            if (page.afterId() != null && !page.afterId().matches("[0-9]{1,18}")) {
                throw new InvalidArgument("pageToken: not a token this API returned");
            }
            Instant from = time("from", range.from());
            Instant to = time("to", range.to());
            if (from != null && to != null && !to.isAfter(from)) {
                throw new InvalidArgument("to: must be later than from");
            }
            return new Bounds(from, to);
        }

        private static Instant time(String field, String text) {
            if (text == null || text.isEmpty()) {
                return null;
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidArgument(field + ": an RFC 3339 time such as 2026-11-28T17:00:00Z");
            }
        }
    }
}
