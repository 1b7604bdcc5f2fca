package io.iotgate.session;

/**
 * The live connection a session delivers through. Its methods are called with the session's lock held,
 * from any thread: an implementation hands the work to its own event loop and returns at once.
 */
public interface SessionLink {

    /** Writes a PUBLISH; {@code packetId} is 0 for QoS 0, {@code duplicate} marks a resend [MQTT-3.3.1-1]. */
    void send(Outgoing message, int packetId, boolean duplicate);

    /** Writes the PUBREL of a QoS 2 delivery the client has already received (resent after a reconnect). */
    void sendRelease(int packetId);

    /** Another connection took the session over: close, telling an MQTT 5 client why. */
    void takenOver();
}
