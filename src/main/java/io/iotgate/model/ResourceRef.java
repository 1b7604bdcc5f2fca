package io.iotgate.model;

/** Names one registry, device or broker, and the folder it lives in. */
public record ResourceRef(ResourceKind kind, String id, String folderId) {}
