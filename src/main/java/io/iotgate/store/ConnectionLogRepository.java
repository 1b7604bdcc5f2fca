package io.iotgate.store;

import io.iotgate.model.ConnectionEvent;
import io.iotgate.model.ConnectionLogEntry;
import io.iotgate.model.Namespace;
import io.iotgate.model.Page;
import io.iotgate.model.PageRequest;
import io.iotgate.model.ResourceKind;
import io.iotgate.model.ResourceRef;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The connection log: written in batches, read newest first per registry or broker, or per client. */
@ApplicationScoped
public class ConnectionLogRepository {

    /** Where a client ID lives: the resource and its namespace (a registry or a broker). */
    public record Owner(ResourceRef client, Namespace namespace) {}

    /** Which entries to read: a whole namespace (a registry with its devices, or a broker) or one client. */
    public sealed interface Scope {
        record OfNamespace(Namespace namespace) implements Scope {}

        record OfClient(ResourceRef resource) implements Scope {}
    }

    /** The resource each of the IDs names, for those that exist; one query for a batch of refused CONNECTs. */
    public Uni<Map<String, Owner>> ownersOf(SqlClient db, Collection<String> ids) {
        String[] wanted = ids.toArray(String[]::new);
        return db.preparedQuery("""
                SELECT 'DEVICE' AS kind, id, folder_id, 'REGISTRY' AS namespace_kind, registry_id AS namespace_id
                  FROM devices WHERE id = ANY($1)
                UNION ALL
                SELECT 'REGISTRY', id, folder_id, 'REGISTRY', id FROM registries WHERE id = ANY($1)
                UNION ALL
                SELECT 'BROKER', id, folder_id, 'BROKER', id FROM brokers WHERE id = ANY($1)""")
                .execute(Tuple.tuple().addArrayOfString(wanted))
                .map(rows -> {
                    Map<String, Owner> owners = new HashMap<>();
                    for (Row row : rows) {
                        owners.put(row.getString("id"), new Owner(
                                new ResourceRef(ResourceKind.valueOf(row.getString("kind")), row.getString("id"),
                                        row.getString("folder_id")),
                                new Namespace(Namespace.Kind.valueOf(row.getString("namespace_kind")),
                                        row.getString("namespace_id"))));
                    }
                    return owners;
                });
    }

    /**
     * Appends the entries in their order, so that IDs follow the order of events, except those the registry
     * or broker does not want: its {@code logOptions} turn the log off or set a minimum level.
     */
    public Uni<Void> append(SqlClient db, List<ConnectionLogEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = entries.stream().map(e -> Tuple.from(new Object[] {Rows.timestamp(e.time()),
                e.event().name(), e.client().folderId(), e.namespace().kind().name(), e.namespace().id(),
                e.client().kind().name(), e.client().id(), e.mqttClientId(), e.remoteAddress(), e.protocolVersion(),
                e.passwordId(), e.certificateFingerprint(), e.topic(), e.reason(), e.event().level()})).toList();
        return db.preparedQuery("""
                INSERT INTO connection_log (occurred_at, event, folder_id, namespace_kind, namespace_id, client_kind,
                    client_resource_id, mqtt_client_id, remote_address, protocol_version, password_id,
                    certificate_fingerprint, topic, reason)
                SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14
                WHERE NOT EXISTS (
                    SELECT 1 FROM (SELECT log_options FROM registries WHERE $4 = 'REGISTRY' AND id = $5
                                   UNION ALL
                                   SELECT log_options FROM brokers WHERE $4 = 'BROKER' AND id = $5) AS owner
                    WHERE COALESCE((owner.log_options->>'disabled')::boolean, false)
                       OR COALESCE(array_position(%s, owner.log_options->>'minLevel'), 0)
                          > array_position(%s, $15::text))""".formatted(LEVELS, LEVELS))
                .executeBatch(rows).replaceWithVoid();
    }

    /** The levels of {@code LogOptions.minLevel}, lowest first; unspecified logs everything. */
    private static final String LEVELS = "ARRAY['LEVEL_UNSPECIFIED','TRACE','DEBUG','INFO','WARN','ERROR','FATAL']";

    /**
     * One page of entries, newest first, that happened at or after {@code from} and before {@code to}
     * (either may be null: no bound). The page token is the ID of the last entry of the page before.
     */
    public Uni<Page<ConnectionLogEntry>> list(SqlClient db, Scope scope, Instant from, Instant to, PageRequest page) {
        String where;
        Tuple args;
        if (scope instanceof Scope.OfNamespace n) {
            where = "namespace_kind = $1 AND namespace_id = $2";
            args = Tuple.of(n.namespace().kind().name(), n.namespace().id());
        } else {
            where = "client_resource_id = $1 AND client_kind = $2";
            var client = (Scope.OfClient) scope;
            args = Tuple.of(client.resource().id(), client.resource().kind().name());
        }
        long before = page.afterId() == null ? Long.MAX_VALUE : Long.parseLong(page.afterId());
        args.addValue(Rows.timestamp(from)).addValue(Rows.timestamp(to)).addLong(before).addInteger(page.size() + 1);
        return db.preparedQuery("SELECT * FROM connection_log WHERE " + where + " " + """
                 AND ($3::timestamptz IS NULL OR occurred_at >= $3)
                 AND ($4::timestamptz IS NULL OR occurred_at < $4)
                 AND id < $5 ORDER BY id DESC LIMIT $6""")
                .execute(args)
                .map(rows -> Page.of(Rows.all(rows, ConnectionLogRepository::fromRow), page, ConnectionLogEntry::id));
    }

    /** Deletes what happened before {@code cutoff}; returns how many entries went. */
    public Uni<Integer> deleteBefore(SqlClient db, Instant cutoff) {
        return db.preparedQuery("DELETE FROM connection_log WHERE occurred_at < $1")
                .execute(Tuple.of(Rows.timestamp(cutoff))).map(rows -> rows.rowCount());
    }

    private static ConnectionLogEntry fromRow(Row row) {
        return new ConnectionLogEntry(String.valueOf(row.getLong("id")), Rows.instant(row, "occurred_at"),
                ConnectionEvent.valueOf(row.getString("event")),
                new ResourceRef(ResourceKind.valueOf(row.getString("client_kind")), row.getString("client_resource_id"),
                        row.getString("folder_id")),
                new Namespace(Namespace.Kind.valueOf(row.getString("namespace_kind")), row.getString("namespace_id")),
                row.getString("mqtt_client_id"), row.getString("remote_address"), row.getString("protocol_version"),
                row.getString("password_id"), row.getString("certificate_fingerprint"), row.getString("topic"),
                row.getString("reason"));
    }
}
