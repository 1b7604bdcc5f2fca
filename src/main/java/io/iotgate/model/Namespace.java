package io.iotgate.model;

import java.util.Objects;

/**
 * An isolated topic space: one registry (with its devices) or one virtual broker.
 * Subscriptions, retained and permanent messages and session keys all start with it.
 */
public record Namespace(Kind kind, String id) {

    public enum Kind { REGISTRY, BROKER }

    public Namespace {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Namespace registry(String registryId) {
        return new Namespace(Kind.REGISTRY, registryId);
    }

    public static Namespace broker(String brokerId) {
        return new Namespace(Kind.BROKER, brokerId);
    }
}
