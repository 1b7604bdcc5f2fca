package io.iotgate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The MQTT listeners and the limits every connection lives within. */
@ConfigMapping(prefix = "iotgate.mqtt")
public interface MqttConfig {

    /** Interface the listeners bind to. */
    @WithDefault("0.0.0.0")
    String host();

    /** MQTT over TLS, for everyone: devices, registries, broker clients. */
    Listener tls();

    /** MQTT over secure WebSocket, path {@code /mqtt}, subprotocol {@code mqtt}, same certificates as TLS. */
    Listener websocket();

    /** Plain TCP, for local use only: on in the quick start, off by default. */
    Listener tcp();

    /**
     * PEM server certificate (with its chain) of the TLS and WebSocket listeners. When neither it nor
     * {@link #serverKey()} is set, a self-signed CA and a server certificate are generated into
     * {@code <data-dir>/tls/} on the first start; clients then trust {@code <data-dir>/tls/ca.pem}.
     */
    Optional<Path> serverCertificate();

    /** PEM private key of {@link #serverCertificate()}. */
    Optional<Path> serverKey();

    /** Host names the generated server certificate is valid for, besides localhost and 127.0.0.1. */
    Optional<java.util.List<String>> serverNames();

    /** Time a client has to send CONNECT after opening the connection. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** Longest client identifier accepted. */
    @WithDefault("128")
    int maxClientIdLength();

    /** Largest MQTT packet accepted, in bytes; a larger one closes the connection. */
    @WithDefault("270000")
    int maxPacketBytes();

    /**
     * Servers per listener, each on its own event loop and sharing the port; unset: one per CPU core
     * (Quarkus gives the event loop pool twice as many threads).
     */
    Optional<Integer> listenerInstances();

    /** MQTT 5 topic aliases a client may define on its PUBLISHes (Topic Alias Maximum of CONNACK); 0 turns them off. */
    @WithDefault("16")
    int topicAliasMaximum();

    interface Listener {
        /** Whether this listener runs. */
        boolean enabled();

        /** Its port; 0 picks a free one (tests). */
        int port();
    }
}
