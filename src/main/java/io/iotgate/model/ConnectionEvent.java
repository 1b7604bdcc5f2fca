package io.iotgate.model;

/** What the connection log records: the life of an MQTT connection and what the gateway refused it. */
public enum ConnectionEvent {
    /** CONNECT accepted. */
    CONNECTED,
    /** The connection ended: the client's DISCONNECT, the server closing it, or the network. */
    DISCONNECTED,
    /** CONNECT refused: bad credentials, a disabled registry, too many attempts. */
    CONNECT_REFUSED,
    /** A PUBLISH to a topic the client may not write (IoT Core: the connection is closed). */
    PUBLISH_REFUSED,
    /** A SUBSCRIBE filter the client may not read (that filter fails, the session stays). */
    SUBSCRIBE_REFUSED
}
