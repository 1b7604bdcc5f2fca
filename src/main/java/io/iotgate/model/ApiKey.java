package io.iotgate.model;

import java.time.Instant;

/** A service-account key bound to one folder and one role; the secret is shown once and stored hashed. */
public record ApiKey(String id, String folderId, Role role, String description, Instant createdAt) {}
