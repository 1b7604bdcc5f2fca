package io.iotgate.observe;

import io.iotgate.model.ConnectionEvent;
import io.iotgate.model.ConnectionLogEntry;
import io.iotgate.model.Namespace;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

/**
 * The one entry of the gateway into observation: an MQTT connection accepted ({@link #connected}, which
 * returns the connection's {@link ClientActivity}), a CONNECT refused, a message dropped by a session, a
 * message published over HTTP. Everything here returns at once; database writes happen later, in batches.
 */
@ApplicationScoped
public class GatewayActivity {

    private final GatewayMetrics metrics;
    private final DeviceMonitoring monitoring;
    private final ConnectionLogWriter log;

    GatewayActivity(GatewayMetrics metrics, DeviceMonitoring monitoring, ConnectionLogWriter log) {
        this.metrics = metrics;
        this.monitoring = monitoring;
        this.log = log;
    }

    /** A CONNECT was accepted: counted, logged, and for a device its monitoring data updated. */
    public ClientActivity connected(ConnectedClient client) {
        NamespaceMeters meters = metrics.of(client.namespace());
        meters.opened();
        LiveDevice device = client.isDevice()
                ? monitoring.connected(client.namespace().id(), client.client().id(), client.remoteAddress())
                : null;
        var activity = new ClientActivity(client, meters, device, monitoring, log);
        log.add(new ConnectionLogWriter.Pending.Known(activity.entry(ConnectionEvent.CONNECTED, null, null)));
        return activity;
    }

    /**
     * A CONNECT was refused. It is logged under the device, registry or broker whose ID it named, when that
     * exists; otherwise only the application log (written by the edge) has it.
     *
     * @param claimedId the username sent, or null
     * @param reason    why, one of a few names (e.g. {@code BAD_CREDENTIALS}): a metric label
     * @param detail    what exactly failed, for the log
     */
    public void connectRefused(String claimedId, String mqttClientId, String remoteAddress, int protocolLevel,
                               String reason, String detail) {
        metrics.connectRefused(reason);
        if (claimedId == null || claimedId.isEmpty() || claimedId.length() > 20) {
            return;
        }
        log.add(new ConnectionLogWriter.Pending.RefusedConnect(claimedId, new ConnectionLogEntry(null, Instant.now(),
                ConnectionEvent.CONNECT_REFUSED, null, null, LogText.clip(mqttClientId, LogText.CLIENT_ID),
                LogText.clip(remoteAddress, LogText.ADDRESS), ConnectedClient.protocolVersion(protocolLevel), null,
                null, null, LogText.clip(detail == null ? reason : reason + ": " + detail, LogText.REASON))));
    }

    /**
     * A message was published over HTTP (no connection): counted like an accepted PUBLISH, and for a device
     * as its publish activity.
     *
     * @param deviceId the device it was published on behalf of; empty for a registry or broker
     */
    public void publishedOverHttp(Namespace namespace, Optional<String> deviceId, int payloadBytes) {
        metrics.of(namespace).received(payloadBytes);
        deviceId.ifPresent(id -> monitoring.publishedOnBehalfOf(namespace.id(), id));
    }

    /** An HTTP publish was refused for its topic: counted like a refused PUBLISH. */
    public void publishRefusedOverHttp(Namespace namespace) {
        metrics.of(namespace).publishRefused();
    }

    /** A session dropped a message of this namespace (offline queue or outbound window full). */
    public void dropped(Namespace namespace, int qos) {
        metrics.of(namespace).dropped(qos);
    }

    /** Writes what is buffered and the changed monitoring data now: at shutdown. */
    public Uni<Void> flush() {
        return Uni.combine().all().unis(log.write(), monitoring.write()).discardItems();
    }
}
