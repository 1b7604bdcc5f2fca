package io.iotgate.control;

import io.iotgate.model.Role;

import java.util.EnumSet;
import java.util.Set;

/** What a caller may do in a folder; each role grants a fixed set, as IoT Core's roles do. */
public enum Permission {
    /** See resources and operations, without credentials or device data. */
    READ_METADATA,
    /** See everything, certificates and monitoring data included. */
    READ,
    /** Create, change and delete resources and their credentials. */
    WRITE,
    PUBLISH_AS_DEVICE,
    PUBLISH_AS_REGISTRY,
    /** IoT Core names no writer role for brokers: only an editor (or administrator) publishes as a broker. */
    PUBLISH_AS_BROKER;

    static Set<Permission> grantedBy(Role role) {
        return switch (role) {
            case ADMIN, EDITOR -> EnumSet.allOf(Permission.class);
            case VIEWER -> EnumSet.of(READ_METADATA, READ);
            case AUDITOR -> EnumSet.of(READ_METADATA);
            case DEVICES_WRITER -> EnumSet.of(READ_METADATA, PUBLISH_AS_DEVICE);
            case REGISTRIES_WRITER -> EnumSet.of(READ_METADATA, PUBLISH_AS_REGISTRY);
        };
    }
}
