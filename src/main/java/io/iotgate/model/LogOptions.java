package io.iotgate.model;

/** Whether a registry or broker writes its connection log, and from which level. */
public record LogOptions(boolean disabled, String minLevel) {
    public static final LogOptions DEFAULT = new LogOptions(false, "LEVEL_UNSPECIFIED");
}
