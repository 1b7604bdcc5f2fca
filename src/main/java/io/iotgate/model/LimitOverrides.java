package io.iotgate.model;

/**
 * The limits a folder sets for itself, over the service defaults ({@code iotgate.limits.*}); a null field is
 * not set by the folder and follows the default.
 *
 * @param payloadBytes            largest PUBLISH payload, in bytes
 * @param topicLength             longest topic name or filter, in UTF-8 bytes
 * @param publishRate             PUBLISH packets per second per connection; 0 turns the rate limit off
 * @param publishBurst            PUBLISH packets a connection may send at once before the rate applies
 * @param subscriptionsPerSession topic filters one session may hold
 * @param inflightPerSession      QoS 1 and 2 messages on their way to one session, unacknowledged
 */
public record LimitOverrides(Integer payloadBytes, Integer topicLength, Integer publishRate, Integer publishBurst,
                             Integer subscriptionsPerSession, Integer inflightPerSession) {

    public static final LimitOverrides NONE = new LimitOverrides(null, null, null, null, null, null);
}
