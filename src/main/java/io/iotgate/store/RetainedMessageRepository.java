package io.iotgate.store;

import io.iotgate.model.MessageProperties;
import io.iotgate.model.Namespace;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

/** Retained and permanent messages, one row per topic of a namespace. */
@ApplicationScoped
public class RetainedMessageRepository {

    /**
     * A kept message as stored; an empty payload in {@link #apply} deletes the topic's row.
     *
     * @param expiresAt epoch milliseconds, or {@code Long.MAX_VALUE} for never
     */
    public record StoredMessage(Namespace namespace, String topic, byte[] payload, int qos, long expiresAt,
                                MessageProperties properties) {}

    /** Every kept message that has not expired. */
    public Uni<List<StoredMessage>> loadAll(SqlClient db) {
        return db.query("""
                        SELECT namespace_kind, namespace_id, topic, payload, qos, expires_at, properties
                        FROM retained_messages WHERE expires_at IS NULL OR expires_at > now()""").execute()
                .map(rows -> Rows.all(rows, RetainedMessageRepository::stored));
    }

    private static StoredMessage stored(Row row) {
        OffsetDateTime expiresAt = row.getOffsetDateTime("expires_at");
        return new StoredMessage(
                new Namespace(Namespace.Kind.valueOf(row.getString("namespace_kind")), row.getString("namespace_id")),
                row.getString("topic"), row.getBuffer("payload").getBytes(), row.getShort("qos"),
                expiresAt == null ? Long.MAX_VALUE : expiresAt.toInstant().toEpochMilli(),
                properties(row.getJsonObject("properties")));
    }

    /** Writes a batch of changes: upserts, and deletions for empty payloads. */
    public Uni<Void> apply(SqlClient db, List<StoredMessage> changes) {
        List<Tuple> upserts = changes.stream().filter(m -> m.payload().length > 0)
                .map(m -> Tuple.tuple().addValue(m.namespace().kind().name()).addValue(m.namespace().id())
                        .addValue(m.topic()).addValue(Buffer.buffer(m.payload())).addValue((short) m.qos())
                        .addValue(OffsetDateTime.now(ZoneOffset.UTC))
                        .addValue(m.expiresAt() == Long.MAX_VALUE ? null
                                : OffsetDateTime.ofInstant(Instant.ofEpochMilli(m.expiresAt()), ZoneOffset.UTC))
                        .addValue(m.properties().isEmpty() ? null : json(m.properties())))
                .toList();
        List<Tuple> deletions = changes.stream().filter(m -> m.payload().length == 0)
                .map(m -> Tuple.of(m.namespace().kind().name(), m.namespace().id(), m.topic()))
                .toList();
        Uni<Void> upserted = upserts.isEmpty() ? Uni.createFrom().voidItem()
                : db.preparedQuery("""
                        INSERT INTO retained_messages (namespace_kind, namespace_id, topic, payload, qos, updated_at,
                                                       expires_at, properties)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                        ON CONFLICT (namespace_kind, namespace_id, topic)
                        DO UPDATE SET payload = EXCLUDED.payload, qos = EXCLUDED.qos, updated_at = EXCLUDED.updated_at,
                                      expires_at = EXCLUDED.expires_at, properties = EXCLUDED.properties""")
                .executeBatch(upserts).replaceWithVoid();
        return upserted.flatMap(v -> deletions.isEmpty() ? Uni.createFrom().voidItem()
                : db.preparedQuery("DELETE FROM retained_messages WHERE namespace_kind = $1 AND namespace_id = $2 AND topic = $3")
                .executeBatch(deletions).replaceWithVoid());
    }

    public Uni<Void> deleteNamespace(SqlClient db, Namespace namespace) {
        return db.preparedQuery("DELETE FROM retained_messages WHERE namespace_kind = $1 AND namespace_id = $2")
                .execute(Tuple.of(namespace.kind().name(), namespace.id())).replaceWithVoid();
    }

    private static JsonObject json(MessageProperties properties) {
        JsonArray user = new JsonArray();
        properties.userProperties().forEach(p -> user.add(new JsonArray().add(p.name()).add(p.value())));
        JsonObject json = new JsonObject().put("userProperties", user);
        putIfGiven(json, "payloadFormat", properties.payloadFormat());
        putIfGiven(json, "contentType", properties.contentType());
        putIfGiven(json, "responseTopic", properties.responseTopic());
        if (properties.correlationData() != null) {
            json.put("correlationData", Base64.getEncoder().encodeToString(properties.correlationData()));
        }
        return json;
    }

    private static void putIfGiven(JsonObject json, String name, Object value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    private static MessageProperties properties(JsonObject json) {
        if (json == null) {
            return MessageProperties.NONE;
        }
        List<MessageProperties.UserProperty> user = json.getJsonArray("userProperties", new JsonArray()).stream()
                .map(JsonArray.class::cast)
                .map(pair -> new MessageProperties.UserProperty(pair.getString(0), pair.getString(1)))
                .toList();
        String correlation = json.getString("correlationData");
        return new MessageProperties(json.getInteger("payloadFormat"), json.getString("contentType"),
                json.getString("responseTopic"), correlation == null ? null : Base64.getDecoder().decode(correlation), user);
    }
}
