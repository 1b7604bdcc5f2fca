package io.iotgate.observe;

import io.iotgate.config.ConnectionLogConfig;
import io.iotgate.model.ConnectionLogEntry;
import io.iotgate.store.ConnectionLogRepository;
import io.iotgate.store.ConnectionLogRepository.Owner;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Writes the connection log behind the gateway: entries wait in a bounded buffer and go to the database in
 * one batch every {@link ConnectionLogConfig#flushInterval()}. A full buffer drops new entries and counts
 * them; it never makes a connection wait. Entries older than the retention are deleted periodically.
 */
@ApplicationScoped
class ConnectionLogWriter {

    private static final Logger LOG = Logger.getLogger(ConnectionLogWriter.class);

    /** An entry to write. A refused CONNECT names only an ID; it is written under that resource if it exists. */
    sealed interface Pending {
        record Known(ConnectionLogEntry entry) implements Pending {}

        record RefusedConnect(String claimedId, ConnectionLogEntry entry) implements Pending {}
    }

    private final ArrayBlockingQueue<Pending> buffer;
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicLong droppedSinceWarning = new AtomicLong();
    private final Pool pool;
    private final ConnectionLogRepository repository;
    private final GatewayMetrics metrics;
    private final Vertx vertx;
    private final ConnectionLogConfig config;

    ConnectionLogWriter(Pool pool, ConnectionLogRepository repository, GatewayMetrics metrics, Vertx vertx,
                        ConnectionLogConfig config) {
        this.pool = pool;
        this.repository = repository;
        this.metrics = metrics;
        this.vertx = vertx;
        this.config = config;
        this.buffer = new ArrayBlockingQueue<>(Math.max(1, config.bufferSize()));
    }

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(config.flushInterval().toMillis(), id -> {
            if (writing.compareAndSet(false, true)) {
                write().eventually(() -> writing.set(false)).subscribe().with(v -> { },
                        failure -> LOG.error("Could not write the connection log", failure));
            }
        });
        vertx.setTimer(1, id -> purge());
        vertx.setPeriodic(config.purgeInterval().toMillis(), id -> purge());
    }

    /** Never blocks: a full buffer drops the entry. */
    void add(Pending pending) {
        if (!buffer.offer(pending)) {
            metrics.logEntryDropped();
            droppedSinceWarning.incrementAndGet();
        }
    }

    /** Writes everything buffered now, in the order it happened. */
    Uni<Void> write() {
        long dropped = droppedSinceWarning.getAndSet(0);
        if (dropped > 0) {
            LOG.warnf("Connection log buffer full: dropped %d entries (iotgate.connection-log.buffer-size)", dropped);
        }
        List<Pending> batch = new ArrayList<>(buffer.size());
        buffer.drainTo(batch);
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<String> claimed = batch.stream().filter(p -> p instanceof Pending.RefusedConnect)
                .map(p -> ((Pending.RefusedConnect) p).claimedId()).collect(Collectors.toSet());
        return pool.withConnection(db -> (claimed.isEmpty() ? Uni.createFrom().item(Map.<String, Owner>of())
                        : repository.ownersOf(db, claimed))
                .flatMap(owners -> repository.append(db, resolve(batch, owners))));
    }

    /** Refused CONNECTs of IDs that exist go under that resource; others were logged by the edge only. */
    private List<ConnectionLogEntry> resolve(List<Pending> batch, Map<String, Owner> owners) {
        List<ConnectionLogEntry> entries = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            if (pending instanceof Pending.Known known) {
                entries.add(known.entry());
            } else if (pending instanceof Pending.RefusedConnect refused) {
                Owner owner = owners.get(refused.claimedId());
                if (owner != null) {
                    metrics.of(owner.namespace()).connectRefused();
                    ConnectionLogEntry e = refused.entry();
                    entries.add(new ConnectionLogEntry(null, e.time(), e.event(), owner.client(), owner.namespace(),
                            e.mqttClientId(), e.remoteAddress(), e.protocolVersion(), e.passwordId(),
                            e.certificateFingerprint(), e.topic(), e.reason()));
                }
            }
        }
        return entries;
    }

    private void purge() {
        Instant cutoff = Instant.now().minus(config.retention());
        pool.withConnection(db -> repository.deleteBefore(db, cutoff)).subscribe().with(
                deleted -> {
                    if (deleted > 0) {
                        LOG.infof("Deleted %d connection log entries older than %s", deleted, config.retention());
                    }
                },
                failure -> LOG.error("Could not delete old connection log entries", failure));
    }
}
