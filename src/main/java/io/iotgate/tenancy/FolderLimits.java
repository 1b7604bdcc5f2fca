package io.iotgate.tenancy;

import io.iotgate.config.LimitsConfig;
import io.iotgate.model.Change;
import io.iotgate.model.LimitOverrides;
import io.iotgate.store.FolderLimitRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The limits of every folder, in memory: read once before the MQTT listeners open, then kept current by the
 * {@link Change.FolderLimitsChanged} events the control plane fires. A CONNECT looks its folder up here, never
 * in the database.
 */
@ApplicationScoped
public class FolderLimits {

    private static final Logger LOG = Logger.getLogger(FolderLimits.class);

    private final LimitsConfig defaults;
    private final Pool pool;
    private final FolderLimitRepository repository;
    private final Map<String, Limits> byFolder = new ConcurrentHashMap<>();
    private final Limits defaultLimits;

    FolderLimits(LimitsConfig defaults, Pool pool, FolderLimitRepository repository) {
        this.defaults = defaults;
        this.pool = pool;
        this.repository = repository;
        this.defaultLimits = Limits.of(defaults, LimitOverrides.NONE);
    }

    /** The limits of a folder: its own values over the defaults. */
    public Limits of(String folderId) {
        return folderId == null ? defaultLimits : byFolder.getOrDefault(folderId, defaultLimits);
    }

    /** Reads every folder's own limits; boot waits for it before the listeners open. */
    public Uni<Void> load() {
        return pool.withConnection(repository::loadAll).invoke(stored -> {
            stored.forEach(this::remember);
            LOG.infof("Loaded the limits of %d folders", stored.size());
        }).replaceWithVoid();
    }

    void onChange(@Observes Change change) {
        if (change instanceof Change.FolderLimitsChanged changed) {
            remember(changed.folderId(), changed.overrides());
        }
    }

    private void remember(String folderId, LimitOverrides overrides) {
        byFolder.put(folderId, Limits.of(defaults, overrides));
    }
}
