package io.iotgate.store;

import io.iotgate.model.Folder;
import io.iotgate.model.Page;
import io.iotgate.model.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class FolderRepository {

    public Uni<Void> insert(SqlClient db, Folder f) {
        return db.preparedQuery("INSERT INTO folders (id, name, description, created_at) VALUES ($1, $2, $3, $4)")
                .execute(Tuple.of(f.id(), f.name(), f.description(), Rows.timestamp(f.createdAt())))
                .onFailure().transform(DuplicateKeyException::translate)
                .replaceWithVoid();
    }

    public Uni<Optional<Folder>> find(SqlClient db, String id) {
        return db.preparedQuery("SELECT * FROM folders WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, FolderRepository::fromRow));
    }

    public Uni<Page<Folder>> list(SqlClient db, PageRequest page) {
        return db.preparedQuery("SELECT * FROM folders WHERE id > $1 ORDER BY id LIMIT $2")
                .execute(Tuple.of(page.afterId() == null ? "" : page.afterId(), page.size() + 1))
                .map(rows -> Page.of(Rows.all(rows, FolderRepository::fromRow), page, Folder::id));
    }

    public Uni<Long> count(SqlClient db) {
        return db.query("SELECT count(*) AS n FROM folders").execute()
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    private static Folder fromRow(Row row) {
        return new Folder(row.getString("id"), row.getString("name"), row.getString("description"),
                Rows.instant(row, "created_at"));
    }
}
