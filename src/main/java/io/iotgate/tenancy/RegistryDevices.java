package io.iotgate.tenancy;

import io.iotgate.model.Change;
import io.iotgate.model.ResourceKind;
import io.iotgate.store.DeviceRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which registry each device belongs to, in memory: read once before the MQTT listeners open, then kept
 * current by the {@link Change} events the control plane fires (a device created or deleted, a registry
 * deleted with its devices). The control plane fires them after the commit and before it answers, so a
 * device is known here by the time its creator hears of it. A registry's PUBLISH to a device's topic asks
 * here, never the database.
 */
@ApplicationScoped
public class RegistryDevices {

    private static final Logger LOG = Logger.getLogger(RegistryDevices.class);

    private final Pool pool;
    private final DeviceRepository repository;
    private final Map<String, String> registryOfDevice = new ConcurrentHashMap<>();

    RegistryDevices(Pool pool, DeviceRepository repository) {
        this.pool = pool;
        this.repository = repository;
    }

    /** Whether {@code deviceId} names a device of {@code registryId} (and not of another registry, or none). */
    public boolean belongsTo(String deviceId, String registryId) {
        return registryId.equals(registryOfDevice.get(deviceId));
    }

    /** Reads which registry each device belongs to; boot waits for it before the listeners open. */
    public Uni<Void> load() {
        return pool.withConnection(repository::registryOfEveryDevice).invoke(stored -> {
            // putIfAbsent: a device created while the rows were read is already here, by its event
            stored.forEach(registryOfDevice::putIfAbsent);
            LOG.infof("Loaded the registries of %d devices", stored.size());
        }).replaceWithVoid();
    }

    void onChange(@Observes Change change) {
        if (change instanceof Change.DeviceCreated created) {
            registryOfDevice.put(created.deviceId(), created.registryId());
        } else if (change instanceof Change.ResourceDeleted deleted) {
            var resource = deleted.resource();
            if (resource.kind() == ResourceKind.DEVICE) {
                registryOfDevice.remove(resource.id());
            } else if (resource.kind() == ResourceKind.REGISTRY) {
                // rare, and a registry's devices go with it: one scan is cheap enough
                registryOfDevice.values().removeIf(resource.id()::equals);
            }
        }
    }
}
