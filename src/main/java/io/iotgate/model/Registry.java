package io.iotgate.model;

import java.time.Instant;
import java.util.Map;

/** A namespace of devices, and the registry's own back-end identity. */
public record Registry(String id, String folderId, Instant createdAt, String name, String description,
                       Map<String, String> labels, ResourceStatus status, LogOptions logOptions) {}
