package io.iotgate.model;

/** What the connection log records: the life of an MQTT connection and what the gateway refused it. */
public enum ConnectionEvent {
    /** CONNECT accepted. */
    CONNECTED("INFO"),
    /** The connection ended: the client's DISCONNECT, the server closing it, or the network. */
    DISCONNECTED("INFO"),
    /** CONNECT refused: bad credentials, a disabled registry, too many attempts. */
    CONNECT_REFUSED("WARN"),
    /** A PUBLISH to a topic the client may not write (IoT Core: the connection is closed). */
    PUBLISH_REFUSED("WARN"),
    /** A SUBSCRIBE filter the client may not read (that filter fails, the session stays). */
    SUBSCRIBE_REFUSED("WARN");

    private final String level;

    ConnectionEvent(String level) {
        this.level = level;
    }

    /** Its level among those of {@link LogOptions#minLevel()}: a registry or broker may log from WARN up only. */
    public String level() {
        return level;
    }
}
