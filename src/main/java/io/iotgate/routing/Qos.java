package io.iotgate.routing;

/** The range check for a subscription's maximum QoS, shared by the trie and its results. */
final class Qos {

    private Qos() {
    }

    static void check(int qos) {
        if (qos < 0 || qos > 2) {
            // [MQTT-3.8.3-4] 3 is a malformed request; the edge refuses it before routing sees it
            throw new IllegalArgumentException("QoS must be 0, 1 or 2, was " + qos);
        }
    }
}
