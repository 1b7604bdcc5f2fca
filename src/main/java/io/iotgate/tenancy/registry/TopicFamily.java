package io.iotgate.tenancy.registry;

/**
 * IoT Core's four topic families, the third level of {@code $devices/<device>/...} and
 * {@code $registries/<registry>/...}: who writes each (the other side reads it) and which are permanent.
 */
enum TopicFamily {

    EVENTS("events", Writer.DEVICE),
    STATE("state", Writer.DEVICE),
    COMMANDS("commands", Writer.REGISTRY),
    CONFIG("config", Writer.REGISTRY);

    /** Who publishes a family: devices send events and state, registries send commands and config. */
    enum Writer { DEVICE, REGISTRY }

    private final String level;
    private final Writer writer;

    TopicFamily(String level, Writer writer) {
        this.level = level;
        this.writer = writer;
    }

    String level() {
        return level;
    }

    Writer writer() {
        return writer;
    }

    /**
     * Whether a family level names a permanent family. IoT Core: state and config (and their subtopics)
     * keep their last message. A switch rather than a loop over {@code values()}, which copies an array
     * on every PUBLISH.
     */
    static boolean isPermanent(String familyLevel) {
        return switch (familyLevel) {
            case "state", "config" -> true;
            default -> false;
        };
    }
}
