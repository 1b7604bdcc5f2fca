package io.iotgate.store;

import io.iotgate.model.LimitOverrides;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The limits folders set over the service defaults; a folder without a row follows every default. */
@ApplicationScoped
public class FolderLimitRepository {

    private static final String SELECT_WITH_FOLDER = """
            SELECT l.* FROM folders f LEFT JOIN folder_limits l ON l.folder_id = f.id WHERE f.id = $1""";

    /** The folder's own limits ({@link LimitOverrides#NONE} when it sets none); empty when the folder does not exist. */
    public Uni<Optional<LimitOverrides>> find(SqlClient db, String folderId) {
        return db.preparedQuery(SELECT_WITH_FOLDER).execute(Tuple.of(folderId))
                .map(rows -> Rows.first(rows, FolderLimitRepository::fromRow));
    }

    /** As {@link #find}, and locks the folder's row until the transaction ends, so changes of its limits serialize. */
    public Uni<Optional<LimitOverrides>> findForUpdate(SqlClient tx, String folderId) {
        return tx.preparedQuery(SELECT_WITH_FOLDER + " FOR UPDATE OF f").execute(Tuple.of(folderId))
                .map(rows -> Rows.first(rows, FolderLimitRepository::fromRow));
    }

    /** Every folder's overrides, for the gateway's in-memory lookup at start. */
    public Uni<Map<String, LimitOverrides>> loadAll(SqlClient db) {
        return db.query("SELECT * FROM folder_limits").execute().map(rows -> {
            Map<String, LimitOverrides> all = new LinkedHashMap<>();
            for (Row row : rows) {
                all.put(row.getString("folder_id"), fromRow(row));
            }
            return all;
        });
    }

    public Uni<Void> save(SqlClient db, String folderId, LimitOverrides o, Instant updatedAt) {
        return db.preparedQuery("""
                INSERT INTO folder_limits (folder_id, payload_bytes, topic_length, publish_rate, publish_burst,
                                           subscriptions_per_session, inflight_per_session, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                ON CONFLICT (folder_id) DO UPDATE SET payload_bytes = $2, topic_length = $3, publish_rate = $4,
                    publish_burst = $5, subscriptions_per_session = $6, inflight_per_session = $7, updated_at = $8""")
                .execute(Tuple.from(new Object[] {folderId, o.payloadBytes(), o.topicLength(), o.publishRate(),
                        o.publishBurst(), o.subscriptionsPerSession(), o.inflightPerSession(),
                        Rows.timestamp(updatedAt)}))
                .replaceWithVoid();
    }

    private static LimitOverrides fromRow(Row row) {
        return new LimitOverrides(row.getInteger("payload_bytes"), row.getInteger("topic_length"),
                row.getInteger("publish_rate"), row.getInteger("publish_burst"),
                row.getInteger("subscriptions_per_session"), row.getInteger("inflight_per_session"));
    }
}
