package io.iotgate.model;

import java.time.Instant;

/**
 * One line of the connection log of a registry (and its devices) or a broker.
 *
 * @param id                     assigned when stored; null before
 * @param client                 the device, registry or broker that connected (or whose ID a refused CONNECT named)
 * @param namespace              the registry or broker the client belongs to
 * @param mqttClientId           the client identifier of the MQTT session
 * @param protocolVersion        "3.1.1" or "5"
 * @param passwordId             the password that authenticated the client, when one did
 * @param certificateFingerprint the certificate that authenticated the client, when one did
 * @param topic                  the refused topic or filter, as the client sent it
 * @param reason                 why the connection ended or was refused
 */
public record ConnectionLogEntry(String id, Instant time, ConnectionEvent event, ResourceRef client, Namespace namespace,
                                 String mqttClientId, String remoteAddress, String protocolVersion, String passwordId,
                                 String certificateFingerprint, String topic, String reason) {

    public ConnectionLogEntry withId(String storedId) {
        return new ConnectionLogEntry(storedId, time, event, client, namespace, mqttClientId, remoteAddress,
                protocolVersion, passwordId, certificateFingerprint, topic, reason);
    }
}
