package io.iotgate.model;

import java.time.Instant;
import java.util.Map;

/** A virtual MQTT broker: a namespace of free-form topics shared by its clients. */
public record Broker(String id, String folderId, Instant createdAt, String name, String description,
                     Map<String, String> labels, ResourceStatus status, LogOptions logOptions) {}
