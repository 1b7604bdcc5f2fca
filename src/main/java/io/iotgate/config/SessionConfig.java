package io.iotgate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** MQTT sessions: how much a session holds for its client and how long it outlives a connection. */
@ConfigMapping(prefix = "iotgate.sessions")
public interface SessionConfig {

    /**
     * Messages waiting for one client, while it is offline (persistent session) or behind a full inflight
     * window (the folder's {@code inflight-per-session} limit, see {@link LimitsConfig}). When full, QoS 0 messages are dropped first; every drop is counted in
     * {@code iotgate_messages_dropped_total}.
     */
    @WithDefault("1000")
    int maxQueued();

    /**
     * Longest time a persistent session is kept after its client disconnected: the session expiry an
     * MQTT 3.1.1 client with clean session 0 gets, and the cap of what an MQTT 5 client asks for.
     */
    @WithDefault("P7D")
    Duration maxExpiry();

    /**
     * QoS 0 messages a connection may have written and not yet flushed to a slow client's socket; beyond it
     * QoS 0 messages to that client are dropped (and counted), so a slow subscriber never stalls others.
     */
    @WithDefault("1000")
    int maxUnflushed();
}
