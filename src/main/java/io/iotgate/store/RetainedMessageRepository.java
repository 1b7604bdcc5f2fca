package io.iotgate.store;

import io.iotgate.model.Namespace;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Retained and permanent messages, one row per topic of a namespace. */
@ApplicationScoped
public class RetainedMessageRepository {

    /** A kept message as stored; an empty payload in {@link #apply} deletes the topic's row. */
    public record StoredMessage(Namespace namespace, String topic, byte[] payload, int qos) {}

    public Uni<List<StoredMessage>> loadAll(SqlClient db) {
        return db.query("SELECT namespace_kind, namespace_id, topic, payload, qos FROM retained_messages").execute()
                .map(rows -> Rows.all(rows, row -> new StoredMessage(
                        new Namespace(Namespace.Kind.valueOf(row.getString("namespace_kind")), row.getString("namespace_id")),
                        row.getString("topic"), row.getBuffer("payload").getBytes(), row.getShort("qos"))));
    }

    /** Writes a batch of changes: upserts, and deletions for empty payloads. */
    public Uni<Void> apply(SqlClient db, List<StoredMessage> changes) {
        List<Tuple> upserts = changes.stream().filter(m -> m.payload().length > 0)
                .map(m -> Tuple.of(m.namespace().kind().name(), m.namespace().id(), m.topic(),
                        Buffer.buffer(m.payload()), (short) m.qos(), OffsetDateTime.now(ZoneOffset.UTC)))
                .toList();
        List<Tuple> deletions = changes.stream().filter(m -> m.payload().length == 0)
                .map(m -> Tuple.of(m.namespace().kind().name(), m.namespace().id(), m.topic()))
                .toList();
        Uni<Void> upserted = upserts.isEmpty() ? Uni.createFrom().voidItem()
                : db.preparedQuery("""
                        INSERT INTO retained_messages (namespace_kind, namespace_id, topic, payload, qos, updated_at)
                        VALUES ($1, $2, $3, $4, $5, $6)
                        ON CONFLICT (namespace_kind, namespace_id, topic)
                        DO UPDATE SET payload = EXCLUDED.payload, qos = EXCLUDED.qos, updated_at = EXCLUDED.updated_at""")
                .executeBatch(upserts).replaceWithVoid();
        return upserted.flatMap(v -> deletions.isEmpty() ? Uni.createFrom().voidItem()
                : db.preparedQuery("DELETE FROM retained_messages WHERE namespace_kind = $1 AND namespace_id = $2 AND topic = $3")
                .executeBatch(deletions).replaceWithVoid());
    }

    public Uni<Void> deleteNamespace(SqlClient db, Namespace namespace) {
        return db.preparedQuery("DELETE FROM retained_messages WHERE namespace_kind = $1 AND namespace_id = $2")
                .execute(Tuple.of(namespace.kind().name(), namespace.id())).replaceWithVoid();
    }
}
