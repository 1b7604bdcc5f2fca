package io.iotgate.store;

import io.iotgate.model.DeviceMonitoringData;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/**
 * The monitoring data columns of devices, written behind the gateway in batches. A write never moves a time
 * backwards, so batches that overlap or arrive late cannot undo a newer value.
 */
@ApplicationScoped
public class DeviceMonitoringRepository {

    /** What the gateway saw of one device since the last write. */
    public record Observed(String deviceId, DeviceMonitoringData data) {}

    public Uni<Optional<DeviceMonitoringData>> find(SqlClient db, String deviceId) {
        return db.preparedQuery("""
                SELECT last_auth_ip, last_auth_time, last_pub_activity_time, last_sub_activity_time, last_online_time,
                       last_disconnect_time FROM devices WHERE id = $1""")
                .execute(Tuple.of(deviceId))
                .map(rows -> Rows.first(rows, row -> new DeviceMonitoringData(row.getString("last_auth_ip"),
                        Rows.instant(row, "last_auth_time"), Rows.instant(row, "last_pub_activity_time"),
                        Rows.instant(row, "last_sub_activity_time"), Rows.instant(row, "last_online_time"),
                        Rows.instant(row, "last_disconnect_time"))));
    }

    /** One batched statement for all devices; devices deleted meanwhile are skipped by the WHERE. */
    public Uni<Void> record(SqlClient db, List<Observed> observed) {
        if (observed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = observed.stream().map(o -> Tuple.from(new Object[] {o.deviceId(), o.data().lastAuthIp(),
                Rows.timestamp(o.data().lastAuthTime()), Rows.timestamp(o.data().lastPubActivityTime()),
                Rows.timestamp(o.data().lastSubActivityTime()), Rows.timestamp(o.data().lastOnlineTime()),
                Rows.timestamp(o.data().lastDisconnectTime())})).toList();
        // GREATEST ignores NULLs; the address follows the authentication it belongs to.
        return db.preparedQuery("""
                UPDATE devices SET
                    last_auth_ip = CASE WHEN $3::timestamptz IS NOT NULL
                                         AND (last_auth_time IS NULL OR $3::timestamptz >= last_auth_time)
                                        THEN $2 ELSE last_auth_ip END,
                    last_auth_time = GREATEST(last_auth_time, $3::timestamptz),
                    last_pub_activity_time = GREATEST(last_pub_activity_time, $4::timestamptz),
                    last_sub_activity_time = GREATEST(last_sub_activity_time, $5::timestamptz),
                    last_online_time = GREATEST(last_online_time, $6::timestamptz),
                    last_disconnect_time = GREATEST(last_disconnect_time, $7::timestamptz)
                WHERE id = $1""")
                .executeBatch(rows).replaceWithVoid();
    }
}
