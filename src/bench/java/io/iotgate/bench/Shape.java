package io.iotgate.bench;

/** Who sends to whom, with {@link #CLIENTS} clients on the busy side. */
enum Shape {
    /** 8 publishers, 1 subscriber that hears them all. */
    FAN_IN("fan-in"),
    /** 8 publishers, each heard by its own subscriber. */
    PAIRS("pairs"),
    /** 1 publisher, heard by 8 subscribers. */
    FAN_OUT("fan-out");

    static final int CLIENTS = 8;

    private final String label;

    Shape(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
