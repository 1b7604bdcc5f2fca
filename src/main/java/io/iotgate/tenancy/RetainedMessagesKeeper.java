package io.iotgate.tenancy;

import io.iotgate.model.Change;
import io.iotgate.model.Namespace;
import io.iotgate.model.ResourceKind;
import io.iotgate.routing.Message;
import io.iotgate.routing.Router;
import io.iotgate.routing.TopicName;
import io.iotgate.store.RetainedMessageRepository;
import io.iotgate.store.RetainedMessageRepository.StoredMessage;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps retained (broker) and permanent (registry state/config) messages in PostgreSQL so they survive a
 * restart. Writes are batched behind the publish path: a topic changed many times between two flushes
 * is written once, and no PUBLISH ever waits for the database.
 */
@ApplicationScoped
public class RetainedMessagesKeeper {

    private static final Logger LOG = Logger.getLogger(RetainedMessagesKeeper.class);
    private static final long FLUSH_MILLIS = 200;

    private record Key(Namespace namespace, String topic) {}

    private final Router router;
    private final Pool pool;
    private final RetainedMessageRepository repository;
    private final Vertx vertx;
    private final Map<Key, StoredMessage> pending = new LinkedHashMap<>();
    private long timer = -1;

    RetainedMessagesKeeper(Router router, Pool pool, RetainedMessageRepository repository, Vertx vertx) {
        this.router = router;
        this.pool = pool;
        this.repository = repository;
        this.vertx = vertx;
    }

    /** Loads every kept message into routing (boot waits for it before the listeners open), then writes behind. */
    public Uni<Void> load() {
        return pool.withConnection(repository::loadAll).invoke(stored -> {
            for (StoredMessage m : stored) {
                router.retain(m.namespace(), new Message(TopicName.parse(m.topic(), TopicName.MQTT_MAX_BYTES), m.payload(),
                        m.qos(), true, m.expiresAt(), m.properties(), null));
            }
            LOG.infof("Loaded %d retained and permanent messages", stored.size());
            timer = vertx.setPeriodic(FLUSH_MILLIS, id -> flush()
                    .subscribe().with(v -> { }, failure -> LOG.error("Could not store retained messages", failure)));
        }).replaceWithVoid();
    }

    /** Called on the publish path: only remembers the change. */
    public void changed(Namespace namespace, Message message) {
        synchronized (pending) {
            pending.put(new Key(namespace, message.topic().value()),
                    new StoredMessage(namespace, message.topic().value(), message.payload(), message.qos(),
                            message.expiresAt(), message.properties()));
        }
    }

    /** Writes what changed since the last flush; boot calls it a last time at shutdown. */
    public Uni<Void> flush() {
        List<StoredMessage> batch;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            batch = new ArrayList<>(pending.values());
            pending.clear();
        }
        return pool.withTransaction(tx -> repository.apply(tx, batch));
    }

    void onChange(@Observes Change change) {
        if (change instanceof Change.ResourceDeleted deleted && deleted.resource().kind() != ResourceKind.DEVICE) {
            Namespace namespace = deleted.resource().kind() == ResourceKind.BROKER
                    ? Namespace.broker(deleted.resource().id()) : Namespace.registry(deleted.resource().id());
            router.forget(namespace);
            synchronized (pending) {
                pending.keySet().removeIf(key -> key.namespace().equals(namespace));
            }
            pool.withConnection(db -> repository.deleteNamespace(db, namespace))
                    .subscribe().with(v -> { }, failure -> LOG.error("Could not delete retained messages", failure));
        }
    }

    /** Stops writing behind; what is still pending is written by a last {@link #flush()}. */
    public void stopWritingBehind() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
