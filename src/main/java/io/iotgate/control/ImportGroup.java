package io.iotgate.control;

import io.iotgate.control.ImportRequest.BrokerItem;
import io.iotgate.control.ImportRequest.DeviceItem;
import io.iotgate.control.ImportRequest.FieldStyle;
import io.iotgate.control.ImportRequest.RegistryItem;
import io.iotgate.identity.ParsedCertificate;
import io.iotgate.model.Broker;
import io.iotgate.model.Device;
import io.iotgate.model.Registry;
import io.iotgate.model.ResourceKind;
import io.iotgate.model.ResourceRef;
import io.iotgate.model.ResourceStatus;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What comes over in one transaction: a registry with its devices, or a broker. The first entry is the
 * registry or broker; a registry's devices follow.
 */
record ImportGroup(String folderId, FieldStyle style, List<Entry> entries) {

    /**
     * One registry, device or broker as it would be stored.
     *
     * @param resource     the {@link Registry}, {@link Device} or {@link Broker} to insert
     * @param password     the password the caller gave, or null
     * @param invalid      why the export contradicts itself (a fingerprint that is not the certificate's), or null
     */
    record Entry(ResourceRef ref, String registryId, String name, String path, Object resource,
                 List<ParsedCertificate> certificates, String password, String invalid) {

        Map<String, String> topicAliases() {
            return resource instanceof Device device ? device.topicAliases() : Map.of();
        }

        ImportResult.Item item(ImportResult.Status status, String reason) {
            return new ImportResult.Item(ref.kind(), ref.id(), registryId, name, status, null, reason);
        }
    }

    Entry head() {
        return entries.get(0);
    }

    static ImportGroup of(String folderId, FieldStyle style, RegistryItem r, ImportCertificates.Parsed parsed) {
        Instant now = now();
        var registry = new Registry(r.id(), folderId, now, r.name(), r.description(), r.labels(), r.status(),
                r.logOptions());
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(new ResourceRef(ResourceKind.REGISTRY, r.id(), folderId), null, r.name(), r.path(),
                registry, parsed.of(r.certificates()), r.password(), parsed.mismatchIn(r.certificates()).orElse(null)));
        for (DeviceItem d : r.devices()) {
            var device = new Device(d.id(), r.id(), folderId, now, d.name(), d.description(), d.labels(),
                    d.topicAliases(), ResourceStatus.ACTIVE, null);
            entries.add(new Entry(new ResourceRef(ResourceKind.DEVICE, d.id(), folderId), r.id(), d.name(), d.path(),
                    device, parsed.of(d.certificates()), d.password(), parsed.mismatchIn(d.certificates()).orElse(null)));
        }
        return new ImportGroup(folderId, style, List.copyOf(entries));
    }

    static ImportGroup of(String folderId, FieldStyle style, BrokerItem b, ImportCertificates.Parsed parsed) {
        var broker = new Broker(b.id(), folderId, now(), b.name(), b.description(), b.labels(), ResourceStatus.ACTIVE,
                b.logOptions());
        return new ImportGroup(folderId, style, List.of(new Entry(new ResourceRef(ResourceKind.BROKER, b.id(), folderId),
                null, b.name(), b.path(), broker, parsed.of(b.certificates()), b.password(),
                parsed.mismatchIn(b.certificates()).orElse(null))));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
