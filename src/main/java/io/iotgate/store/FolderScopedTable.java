package io.iotgate.store;

import io.iotgate.model.Page;
import io.iotgate.model.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.Optional;
import java.util.function.Function;

/**
 * Reads of a table whose rows live in one folder and have a name unique there (registries, brokers):
 * the same queries serve both, only the table and the row mapping differ.
 */
final class FolderScopedTable<T> {

    private final String table;
    private final Function<Row, T> fromRow;
    private final Function<T, String> idOf;

    FolderScopedTable(String table, Function<Row, T> fromRow, Function<T, String> idOf) {
        this.table = table;
        this.fromRow = fromRow;
        this.idOf = idOf;
    }

    Uni<Optional<T>> find(SqlClient db, String id) {
        return db.preparedQuery("SELECT * FROM " + table + " WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, fromRow));
    }

    /** Locks the row until the transaction ends, so that changes to it and to what hangs on it serialize. */
    Uni<Optional<T>> findForUpdate(SqlClient db, String id) {
        return db.preparedQuery("SELECT * FROM " + table + " WHERE id = $1 FOR UPDATE").execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, fromRow));
    }

    Uni<Optional<T>> findByName(SqlClient db, String folderId, String name) {
        return db.preparedQuery("SELECT * FROM " + table + " WHERE folder_id = $1 AND name = $2")
                .execute(Tuple.of(folderId, name))
                .map(rows -> Rows.first(rows, fromRow));
    }

    Uni<Page<T>> list(SqlClient db, String folderId, PageRequest page) {
        return db.preparedQuery("SELECT * FROM " + table + " WHERE folder_id = $1 AND id > $2 ORDER BY id LIMIT $3")
                .execute(Tuple.of(folderId, page.afterId() == null ? "" : page.afterId(), page.size() + 1))
                .map(rows -> Page.of(Rows.all(rows, fromRow), page, idOf));
    }

    Uni<Boolean> delete(SqlClient db, String id) {
        return db.preparedQuery("DELETE FROM " + table + " WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() > 0);
    }

    Uni<Void> execute(SqlClient db, String sql, Tuple params) {
        return db.preparedQuery(sql).execute(params)
                .onFailure().transform(DuplicateKeyException::translate)
                .replaceWithVoid();
    }
}
