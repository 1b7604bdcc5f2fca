package io.iotgate.observe;

import io.iotgate.config.MonitoringConfig;
import io.iotgate.model.Change;
import io.iotgate.model.DeviceMonitoringData;
import io.iotgate.model.MonitoringUpdate;
import io.iotgate.model.ResourceKind;
import io.iotgate.store.DeviceMonitoringRepository;
import io.iotgate.store.DeviceMonitoringRepository.Observed;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Device monitoring data, kept current in memory and written behind: every
 * {@link MonitoringConfig#flushInterval()} the devices that changed are written in one batched statement (and
 * at shutdown), so no message costs a database write. Devices with no connection leave memory once written.
 *
 * <p>Also paces the {@code $monitoring/<deviceId>/json} feed: the first activity of a device reports at once,
 * later activity within {@link MonitoringConfig#feedInterval()} is reported once when the interval ends.
 */
@ApplicationScoped
public class DeviceMonitoring {

    private static final Logger LOG = Logger.getLogger(DeviceMonitoring.class);

    private final Map<String, LiveDevice> devices = new ConcurrentHashMap<>();
    private final Set<LiveDevice> unwritten = ConcurrentHashMap.newKeySet();
    private final Set<LiveDevice> feedWaiting = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final Pool pool;
    private final DeviceMonitoringRepository repository;
    private final Event<MonitoringUpdate> feed;
    private final Vertx vertx;
    private final MonitoringConfig config;
    private final long feedIntervalMillis;

    DeviceMonitoring(Pool pool, DeviceMonitoringRepository repository, Event<MonitoringUpdate> feed, Vertx vertx,
                     MonitoringConfig config) {
        this.pool = pool;
        this.repository = repository;
        this.feed = feed;
        this.vertx = vertx;
        this.config = config;
        this.feedIntervalMillis = Math.max(1, config.feedInterval().toMillis());
    }

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(config.flushInterval().toMillis(), id -> {
            if (writing.compareAndSet(false, true)) {
                write().eventually(() -> writing.set(false)).subscribe().with(v -> { },
                        failure -> LOG.error("Could not store device monitoring data", failure));
            }
        });
        vertx.setPeriodic(Math.max(50, feedIntervalMillis / 4), id -> reportWaiting());
    }

    /**
     * The device's data as the API shows it: {@code stored} (as read from the database) with whatever the
     * gateway saw since, so a reader never waits for the next write.
     */
    public DeviceMonitoringData current(String deviceId, DeviceMonitoringData stored) {
        LiveDevice live = devices.get(deviceId);
        return live == null ? stored : live.over(stored);
    }

    /** A device connected: it is held in memory while connected, its stored values read once. */
    LiveDevice connected(String registryId, String deviceId, String address) {
        boolean[] isNew = new boolean[1];
        LiveDevice device = devices.compute(deviceId, (id, existing) -> {
            LiveDevice live = existing != null ? existing : new LiveDevice(registryId, id);
            isNew[0] = existing == null;
            live.connections++;
            live.idleCycles = 0;
            return live;
        });
        long now = System.currentTimeMillis();
        device.authenticated(address, now);
        changed(device, now);
        if (isNew[0]) {
            loadStored(device);
        }
        return device;
    }

    /**
     * A message was published on a device's behalf over HTTP: its publish activity, whether or not it is
     * connected. A device that is not stays in memory only until the change is written.
     */
    void publishedOnBehalfOf(String registryId, String deviceId) {
        boolean[] isNew = new boolean[1];
        LiveDevice device = devices.compute(deviceId, (id, existing) -> {
            LiveDevice live = existing != null ? existing : new LiveDevice(registryId, id);
            isNew[0] = existing == null;
            live.idleCycles = 0;
            return live;
        });
        long now = System.currentTimeMillis();
        device.publishedOnItsBehalf(now);
        changed(device, now);
        if (isNew[0]) {
            loadStored(device);
        }
    }

    /** Reads the values stored before the device came into memory; the feed waits for them. */
    private void loadStored(LiveDevice device) {
        pool.withConnection(db -> repository.find(db, device.deviceId)).subscribe().with(
                stored -> loaded(device, stored.orElse(DeviceMonitoringData.NONE)),
                failure -> {
                    LOG.warnf("Could not read monitoring data of device %s: %s", device.deviceId, failure.getMessage());
                    loaded(device, DeviceMonitoringData.NONE);
                });
    }

    void disconnected(LiveDevice device) {
        long now = System.currentTimeMillis();
        device.disconnected(now);
        devices.computeIfPresent(device.deviceId, (id, live) -> {
            live.connections--;
            return live;
        });
        changed(device, now);
    }

    /** Called after each change of a device's values: marks it for the next write and for the feed. Cheap. */
    void changed(LiveDevice device, long now) {
        // Plain reads first: on a busy device both flags are already set and nothing else happens.
        if (!device.unwritten.get() && device.unwritten.compareAndSet(false, true)) {
            unwritten.add(device);
        }
        long last = device.lastFeed.get();
        if (device.loaded && now - last >= feedIntervalMillis && device.lastFeed.compareAndSet(last, now)) {
            device.feedDue.set(false);
            report(device);
        } else if (!device.feedDue.get() && device.feedDue.compareAndSet(false, true)) {
            feedWaiting.add(device);
        }
    }

    private void loaded(LiveDevice device, DeviceMonitoringData stored) {
        device.merge(stored);
        device.loaded = true;
        reportWaiting();
    }

    /** Reports the devices whose activity waited for the end of their interval (or for their stored values). */
    private void reportWaiting() {
        long now = System.currentTimeMillis();
        for (LiveDevice device : feedWaiting) {
            long last = device.lastFeed.get();
            if (device.loaded && now - last >= feedIntervalMillis && device.lastFeed.compareAndSet(last, now)) {
                feedWaiting.remove(device);
                device.feedDue.set(false);
                report(device);
            }
        }
    }

    private void report(LiveDevice device) {
        try {
            feed.fire(new MonitoringUpdate(device.registryId, device.deviceId, device.snapshot()));
        } catch (RuntimeException e) {
            LOG.warnf("Could not publish the monitoring feed of device %s: %s", device.deviceId, e.getMessage());
        }
    }

    /**
     * Writes every device changed since the last write, in one batch. The periodic writes run one at a time;
     * the last one at shutdown may overlap, which the store's never-backwards update makes harmless.
     */
    Uni<Void> write() {
        List<Observed> batch = new ArrayList<>();
        for (LiveDevice device : unwritten) {
            unwritten.remove(device);
            // Cleared before the values are read: a change after this point marks the device again.
            device.unwritten.set(false);
            batch.add(new Observed(device.deviceId, device.snapshot()));
        }
        return (batch.isEmpty() ? Uni.createFrom().voidItem() : pool.withConnection(db -> repository.record(db, batch)))
                .invoke(this::forgetIdle);
    }

    /**
     * Devices without a connection leave memory after two written, idle cycles: by then any reader that
     * looked at the database before the write has finished.
     */
    private void forgetIdle() {
        for (String deviceId : devices.keySet()) {
            devices.computeIfPresent(deviceId, (id, live) -> {
                boolean idle = live.connections == 0 && !live.unwritten.get() && !live.feedDue.get() && live.loaded;
                if (!idle) {
                    live.idleCycles = 0;
                    return live;
                }
                return ++live.idleCycles >= 2 ? null : live;
            });
        }
    }

    void onChange(@Observes Change change) {
        if (change instanceof Change.ResourceDeleted deleted) {
            var resource = deleted.resource();
            if (resource.kind() == ResourceKind.DEVICE) {
                forget(devices.remove(resource.id()));
            } else if (resource.kind() == ResourceKind.REGISTRY) {
                devices.values().removeIf(live -> {
                    boolean gone = live.registryId.equals(resource.id());
                    if (gone) {
                        forget(live);
                    }
                    return gone;
                });
            }
        }
    }

    private void forget(LiveDevice device) {
        if (device != null) {
            unwritten.remove(device);
            feedWaiting.remove(device);
        }
    }
}
