package io.iotgate.model;

import java.time.Instant;
import java.util.Map;

/**
 * A device of one registry, with its topic aliases (alias name to one of its own topics). The monitoring
 * data is null unless the full view was asked for.
 */
public record Device(String id, String registryId, String folderId, Instant createdAt, String name,
                     String description, Map<String, String> labels, Map<String, String> topicAliases,
                     ResourceStatus status, DeviceMonitoringData monitoringData) {

    public Device withMonitoringData(DeviceMonitoringData data) {
        return new Device(id, registryId, folderId, createdAt, name, description, labels, topicAliases, status, data);
    }

    public Device withoutMonitoringData() {
        return new Device(id, registryId, folderId, createdAt, name, description, labels, topicAliases, status, null);
    }
}
