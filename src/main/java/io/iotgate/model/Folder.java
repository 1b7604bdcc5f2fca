package io.iotgate.model;

import java.time.Instant;

/** The tenant: every registry and broker lives in one folder, and roles are granted per folder. */
public record Folder(String id, String name, String description, Instant createdAt) {}
