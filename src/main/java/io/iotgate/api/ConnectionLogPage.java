package io.iotgate.api;

import io.iotgate.model.ConnectionLogEntry;
import io.iotgate.model.Namespace;
import io.iotgate.model.Page;
import io.iotgate.model.ResourceKind;

import java.time.Instant;
import java.util.List;

/**
 * A page of the connection log as the API shows it (iotgate's extension of IoT Core's API), shared by the
 * registry, device and broker resources: newest first; fields that do not apply to an entry are absent.
 */
record ConnectionLogPage(List<ConnectionLogPage.Entry> entries, String nextPageToken) {

    record Entry(String id, Instant time, String type, String registryId, String deviceId, String brokerId,
                 String mqttClientId, String remoteAddress, String protocolVersion, String passwordId,
                 String certificateFingerprint, String topic, String reason) {

        static Entry of(ConnectionLogEntry e) {
            boolean broker = e.namespace().kind() == Namespace.Kind.BROKER;
            return new Entry(e.id(), e.time(), e.event().name(), broker ? null : e.namespace().id(),
                    e.client().kind() == ResourceKind.DEVICE ? e.client().id() : null,
                    broker ? e.namespace().id() : null, e.mqttClientId(), e.remoteAddress(), e.protocolVersion(),
                    e.passwordId(), e.certificateFingerprint(), e.topic(), e.reason());
        }
    }

    static ConnectionLogPage of(Page<ConnectionLogEntry> page, PageTokens pages) {
        return new ConnectionLogPage(page.items().stream().map(Entry::of).toList(), pages.next(page));
    }
}
