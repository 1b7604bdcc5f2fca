package io.iotgate.store;

import io.iotgate.model.Device;
import io.iotgate.model.DeviceMonitoringData;
import io.iotgate.model.Page;
import io.iotgate.model.PageRequest;
import io.iotgate.model.ResourceStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class DeviceRepository {

    /** Unique key of a device name in its registry; violating it means "name taken". */
    public static final String NAME_CONSTRAINT = "devices_registry_id_name_key";

    public Uni<Void> insert(SqlClient db, Device d) {
        return db.preparedQuery("""
                INSERT INTO devices (id, registry_id, folder_id, name, description, labels, topic_aliases, status, created_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""")
                .execute(Tuple.from(new Object[] {d.id(), d.registryId(), d.folderId(), d.name(), d.description(),
                        Rows.json(d.labels()), Rows.json(d.topicAliases()), d.status().name(),
                        Rows.timestamp(d.createdAt())}))
                .onFailure().transform(DuplicateKeyException::translate)
                .replaceWithVoid();
    }

    public Uni<Void> update(SqlClient db, Device d) {
        return db.preparedQuery("""
                UPDATE devices SET name = $2, description = $3, labels = $4, topic_aliases = $5, status = $6
                WHERE id = $1""")
                .execute(Tuple.of(d.id(), d.name(), d.description(), Rows.json(d.labels()),
                        Rows.json(d.topicAliases()), d.status().name()))
                .onFailure().transform(DuplicateKeyException::translate)
                .replaceWithVoid();
    }

    public Uni<Optional<Device>> find(SqlClient db, String id) {
        return db.preparedQuery("SELECT * FROM devices WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, DeviceRepository::fromRow));
    }

    public Uni<Optional<Device>> findByName(SqlClient db, String registryId, String name) {
        return db.preparedQuery("SELECT * FROM devices WHERE registry_id = $1 AND name = $2")
                .execute(Tuple.of(registryId, name))
                .map(rows -> Rows.first(rows, DeviceRepository::fromRow));
    }

    public Uni<Page<Device>> listByRegistry(SqlClient db, String registryId, PageRequest page) {
        return listWhere(db, "registry_id", registryId, page);
    }

    public Uni<Page<Device>> listByFolder(SqlClient db, String folderId, PageRequest page) {
        return listWhere(db, "folder_id", folderId, page);
    }

    /** Every device of a registry that has aliases: the alias rules look at the whole registry at once. */
    public Uni<List<Device>> withAliases(SqlClient db, String registryId) {
        return db.preparedQuery("SELECT * FROM devices WHERE registry_id = $1 AND topic_aliases <> '{}'::jsonb ORDER BY id")
                .execute(Tuple.of(registryId))
                .map(rows -> Rows.all(rows, DeviceRepository::fromRow));
    }

    public Uni<List<String>> idsOfRegistry(SqlClient db, String registryId) {
        return db.preparedQuery("SELECT id FROM devices WHERE registry_id = $1").execute(Tuple.of(registryId))
                .map(rows -> Rows.all(rows, row -> row.getString("id")));
    }

    /** The registry of every device, by device ID: read once at start by the data plane's device cache. */
    public Uni<Map<String, String>> registryOfEveryDevice(SqlClient db) {
        return db.preparedQuery("SELECT id, registry_id FROM devices").execute().map(rows -> {
            Map<String, String> registryOf = new HashMap<>();
            for (Row row : rows) {
                registryOf.put(row.getString("id"), row.getString("registry_id"));
            }
            return registryOf;
        });
    }

    public Uni<Boolean> delete(SqlClient db, String id) {
        return db.preparedQuery("DELETE FROM devices WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() > 0);
    }

    private Uni<Page<Device>> listWhere(SqlClient db, String column, String value, PageRequest page) {
        return db.preparedQuery("SELECT * FROM devices WHERE " + column + " = $1 AND id > $2 ORDER BY id LIMIT $3")
                .execute(Tuple.of(value, page.afterId() == null ? "" : page.afterId(), page.size() + 1))
                .map(rows -> Page.of(Rows.all(rows, DeviceRepository::fromRow), page, Device::id));
    }

    private static Device fromRow(Row row) {
        var monitoring = new DeviceMonitoringData(row.getString("last_auth_ip"), Rows.instant(row, "last_auth_time"),
                Rows.instant(row, "last_pub_activity_time"), Rows.instant(row, "last_sub_activity_time"),
                Rows.instant(row, "last_online_time"), Rows.instant(row, "last_disconnect_time"));
        return new Device(row.getString("id"), row.getString("registry_id"), row.getString("folder_id"),
                Rows.instant(row, "created_at"), row.getString("name"), row.getString("description"),
                Rows.stringMap(row, "labels"), Rows.stringMap(row, "topic_aliases"),
                ResourceStatus.valueOf(row.getString("status")), monitoring);
    }
}
