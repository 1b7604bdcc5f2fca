package io.iotgate.observe;

import io.iotgate.model.Namespace;
import io.iotgate.model.ResourceKind;
import io.iotgate.model.ResourceRef;

/**
 * An accepted MQTT connection as the connection log and the monitoring data see it.
 *
 * @param client                 the device, registry or broker it authenticated as
 * @param namespace              the registry or broker it lives in
 * @param passwordId             the password that authenticated it, or null
 * @param certificateFingerprint the certificate that authenticated it, or null
 * @param protocolLevel          the CONNECT protocol level: 3 (3.1), 4 (3.1.1) or 5
 */
public record ConnectedClient(ResourceRef client, Namespace namespace, String passwordId,
                              String certificateFingerprint, String mqttClientId, String remoteAddress,
                              int protocolLevel) {

    boolean isDevice() {
        return client.kind() == ResourceKind.DEVICE;
    }

    /** The protocol version as people name it. */
    static String protocolVersion(int protocolLevel) {
        return switch (protocolLevel) {
            case 3 -> "3.1";
            case 4 -> "3.1.1";
            case 5 -> "5";
            default -> String.valueOf(protocolLevel);
        };
    }
}
