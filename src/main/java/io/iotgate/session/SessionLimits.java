package io.iotgate.session;

/**
 * @param maxInflight QoS 1 and 2 deliveries sent to the client and not yet acknowledged; more wait in the queue
 * @param maxQueued   messages waiting for the client (offline, or behind a full window); beyond it QoS 0
 *                    messages give way first, and every drop is counted
 */
public record SessionLimits(int maxInflight, int maxQueued) {

    public SessionLimits {
        if (maxInflight < 1 || maxQueued < 0) {
            throw new IllegalArgumentException("maxInflight must be at least 1 and maxQueued not negative");
        }
    }
}
