package io.iotgate.store;

import io.iotgate.model.Page;
import io.iotgate.model.PageRequest;
import io.iotgate.model.Registry;
import io.iotgate.model.ResourceStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class RegistryRepository {

    /** Unique key of a registry name in its folder; violating it means "name taken". */
    public static final String NAME_CONSTRAINT = "registries_folder_id_name_key";

    private final FolderScopedTable<Registry> table =
            new FolderScopedTable<>("registries", RegistryRepository::fromRow, Registry::id);

    public Uni<Void> insert(SqlClient db, Registry r) {
        return table.execute(db, """
                INSERT INTO registries (id, folder_id, name, description, labels, status, log_options, created_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""",
                Tuple.from(new Object[] {r.id(), r.folderId(), r.name(), r.description(), Rows.json(r.labels()),
                        r.status().name(), Rows.json(r.logOptions()), Rows.timestamp(r.createdAt())}));
    }

    public Uni<Void> update(SqlClient db, Registry r) {
        return table.execute(db, """
                UPDATE registries SET name = $2, description = $3, labels = $4, status = $5, log_options = $6
                WHERE id = $1""",
                Tuple.from(new Object[] {r.id(), r.name(), r.description(), Rows.json(r.labels()),
                        r.status().name(), Rows.json(r.logOptions())}));
    }

    public Uni<Optional<Registry>> find(SqlClient db, String id) {
        return table.find(db, id);
    }

    public Uni<Optional<Registry>> findForUpdate(SqlClient db, String id) {
        return table.findForUpdate(db, id);
    }

    public Uni<Optional<Registry>> findByName(SqlClient db, String folderId, String name) {
        return table.findByName(db, folderId, name);
    }

    public Uni<Page<Registry>> list(SqlClient db, String folderId, PageRequest page) {
        return table.list(db, folderId, page);
    }

    public Uni<Boolean> delete(SqlClient db, String id) {
        return table.delete(db, id);
    }

    private static Registry fromRow(Row row) {
        return new Registry(row.getString("id"), row.getString("folder_id"), Rows.instant(row, "created_at"),
                row.getString("name"), row.getString("description"), Rows.stringMap(row, "labels"),
                ResourceStatus.valueOf(row.getString("status")), Rows.logOptions(row));
    }
}
