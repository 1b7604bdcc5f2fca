package io.iotgate.store;

import io.iotgate.model.ApiKey;
import io.iotgate.model.Role;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ApiKeyRepository {

    /** A key with the hash of its secret, for authentication only. */
    public record StoredApiKey(ApiKey key, byte[] secretHash) {}

    public Uni<Void> insert(SqlClient db, ApiKey k, byte[] secretHash) {
        return db.preparedQuery("""
                INSERT INTO api_keys (id, folder_id, role, description, secret_hash, created_at)
                VALUES ($1, $2, $3, $4, $5, $6)""")
                .execute(Tuple.of(k.id(), k.folderId(), k.role().name(), k.description(),
                        io.vertx.core.buffer.Buffer.buffer(secretHash), Rows.timestamp(k.createdAt())))
                .replaceWithVoid();
    }

    public Uni<Optional<StoredApiKey>> findWithHash(SqlClient db, String id) {
        return db.preparedQuery("SELECT * FROM api_keys WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, row -> new StoredApiKey(fromRow(row),
                        row.getBuffer("secret_hash").getBytes())));
    }

    public Uni<List<ApiKey>> listOfFolder(SqlClient db, String folderId) {
        return db.preparedQuery("SELECT * FROM api_keys WHERE folder_id = $1 ORDER BY created_at, id")
                .execute(Tuple.of(folderId))
                .map(rows -> Rows.all(rows, ApiKeyRepository::fromRow));
    }

    public Uni<Boolean> delete(SqlClient db, String folderId, String id) {
        return db.preparedQuery("DELETE FROM api_keys WHERE folder_id = $1 AND id = $2").execute(Tuple.of(folderId, id))
                .map(rows -> rows.rowCount() > 0);
    }

    private static ApiKey fromRow(Row row) {
        return new ApiKey(row.getString("id"), row.getString("folder_id"), Role.valueOf(row.getString("role")),
                row.getString("description"), Rows.instant(row, "created_at"));
    }
}
