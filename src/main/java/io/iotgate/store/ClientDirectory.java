package io.iotgate.store;

import io.iotgate.model.ResourceKind;
import io.iotgate.model.ResourceStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;

/**
 * Finds an MQTT client by the ID it connects with: a device, a registry or a broker. IoT Core's IDs of
 * devices and registries share a prefix, so one query asks all three tables.
 */
@ApplicationScoped
public class ClientDirectory {

    /**
     * What the gateway needs of a client: its namespace ({@code registryId} for devices and registries),
     * whether that namespace is active, and a device's topic aliases.
     */
    public record ClientRecord(ResourceKind kind, String id, String registryId, String folderId,
                               ResourceStatus namespaceStatus, Map<String, String> topicAliases) {}

    public Uni<Optional<ClientRecord>> find(SqlClient db, String id) {
        return db.preparedQuery("""
                SELECT 'DEVICE' AS kind, d.id, d.registry_id, d.folder_id, r.status, d.topic_aliases
                  FROM devices d JOIN registries r ON r.id = d.registry_id WHERE d.id = $1
                UNION ALL
                SELECT 'REGISTRY', id, id, folder_id, status, '{}'::jsonb FROM registries WHERE id = $1
                UNION ALL
                SELECT 'BROKER', id, NULL, folder_id, status, '{}'::jsonb FROM brokers WHERE id = $1""")
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, ClientDirectory::fromRow));
    }

    private static ClientRecord fromRow(Row row) {
        return new ClientRecord(ResourceKind.valueOf(row.getString("kind")), row.getString("id"),
                row.getString("registry_id"), row.getString("folder_id"), ResourceStatus.valueOf(row.getString("status")),
                Rows.stringMap(row, "topic_aliases"));
    }
}
