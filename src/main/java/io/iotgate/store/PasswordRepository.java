package io.iotgate.store;

import io.iotgate.model.Password;
import io.iotgate.model.ResourceKind;
import io.iotgate.model.ResourceRef;
import io.iotgate.model.TopicPermissions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Password hashes of registries, devices and brokers. The hash never leaves this package but to be verified. */
@ApplicationScoped
public class PasswordRepository {

    /** A stored password with its owner and hash, for the gateway's verification only. */
    public record StoredPassword(ResourceRef owner, Password password, String hash) {}

    public Uni<Void> insert(SqlClient db, ResourceRef owner, Password p, String hash) {
        return db.preparedQuery("""
                INSERT INTO passwords (id, owner_kind, owner_id, folder_id, hash, created_at, permissions)
                VALUES ($1, $2, $3, $4, $5, $6, $7)""")
                .execute(Tuple.from(new Object[] {p.id(), owner.kind().name(), owner.id(), owner.folderId(), hash,
                        Rows.timestamp(p.createdAt()), Rows.json(p.permissions())}))
                .replaceWithVoid();
    }

    /** Replaces a password's topic permissions; null lifts them (every topic). */
    public Uni<Void> updatePermissions(SqlClient db, String passwordId, TopicPermissions permissions) {
        return db.preparedQuery("UPDATE passwords SET permissions = $2 WHERE id = $1")
                .execute(Tuple.of(passwordId, Rows.json(permissions)))
                .replaceWithVoid();
    }

    public Uni<List<Password>> listOf(SqlClient db, ResourceRef owner) {
        return queryOf(db, owner).map(list -> list.stream().map(StoredPassword::password).toList());
    }

    public Uni<List<StoredPassword>> hashesOf(SqlClient db, ResourceRef owner) {
        return queryOf(db, owner);
    }

    public Uni<Optional<Password>> findOfOwner(SqlClient db, ResourceRef owner, String passwordId) {
        return queryOf(db, owner).map(list -> list.stream().map(StoredPassword::password)
                .filter(p -> p.id().equals(passwordId)).findFirst());
    }

    public Uni<Void> delete(SqlClient db, String passwordId) {
        return db.preparedQuery("DELETE FROM passwords WHERE id = $1").execute(Tuple.of(passwordId)).replaceWithVoid();
    }

    public Uni<Void> deleteAllOf(SqlClient db, ResourceKind kind, List<String> ownerIds) {
        return db.preparedQuery("DELETE FROM passwords WHERE owner_kind = $1 AND owner_id = ANY($2)")
                .execute(Tuple.of(kind.name(), ownerIds.toArray(String[]::new)))
                .replaceWithVoid();
    }

    private Uni<List<StoredPassword>> queryOf(SqlClient db, ResourceRef owner) {
        return db.preparedQuery("SELECT * FROM passwords WHERE owner_kind = $1 AND owner_id = $2 ORDER BY created_at, id")
                .execute(Tuple.of(owner.kind().name(), owner.id()))
                .map(rows -> Rows.all(rows, PasswordRepository::fromRow));
    }

    private static StoredPassword fromRow(Row row) {
        var owner = new ResourceRef(ResourceKind.valueOf(row.getString("owner_kind")), row.getString("owner_id"),
                row.getString("folder_id"));
        return new StoredPassword(owner, Password.of(owner, row.getString("id"), Rows.instant(row, "created_at"),
                        Rows.permissions(row)),
                row.getString("hash"));
    }
}
