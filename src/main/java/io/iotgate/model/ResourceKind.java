package io.iotgate.model;

/** The kinds of resource that own credentials (certificates and passwords) and appear in operations. */
public enum ResourceKind {
    REGISTRY("are"),
    DEVICE("ard"),
    BROKER("arb");

    private final String idPrefix;

    ResourceKind(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    /** The three letters every ID of this kind starts with, as in IoT Core IDs such as {@code arenou2oj4ct42eq8g3n}. */
    public String idPrefix() {
        return idPrefix;
    }
}
