package io.iotgate.model;

import java.util.Optional;

/** Roles granted on a folder, named as in IoT Core, plus iotgate's service-wide administrator. */
public enum Role {
    EDITOR("iot.editor"),
    VIEWER("iot.viewer"),
    AUDITOR("iot.auditor"),
    DEVICES_WRITER("iot.devices.writer"),
    REGISTRIES_WRITER("iot.registries.writer"),
    /** Manages folders and API keys and holds every other role on every folder. */
    ADMIN("admin");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<Role> fromWireName(String name) {
        for (Role role : values()) {
            if (role.wireName.equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
