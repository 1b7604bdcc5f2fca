package io.iotgate.tenancy;

import io.iotgate.config.LimitsConfig;
import io.iotgate.model.LimitOverrides;

/**
 * The limits one connection lives within, as its folder set them over the service defaults.
 *
 * @param payloadBytes            largest PUBLISH payload, in bytes
 * @param topicLength             longest topic name or filter, in UTF-8 bytes
 * @param publishRate             PUBLISH packets per second per connection; 0: no rate limit
 * @param publishBurst            PUBLISH packets a connection may send at once before the rate applies
 * @param subscriptionsPerSession topic filters one session may hold
 * @param inflightPerSession      QoS 1 and 2 messages on their way to the session, unacknowledged
 */
public record Limits(int payloadBytes, int topicLength, int publishRate, int publishBurst,
                     int subscriptionsPerSession, int inflightPerSession) {

    /** The defaults, each replaced by the folder's own value where it set one. */
    public static Limits of(LimitsConfig defaults, LimitOverrides folder) {
        return new Limits(
                or(folder.payloadBytes(), defaults.payloadBytes()),
                or(folder.topicLength(), defaults.topicLength()),
                or(folder.publishRate(), defaults.publishRate()),
                or(folder.publishBurst(), defaults.publishBurst()),
                or(folder.subscriptionsPerSession(), defaults.subscriptionsPerSession()),
                or(folder.inflightPerSession(), defaults.inflightPerSession()));
    }

    public boolean limitsPublishRate() {
        return publishRate > 0;
    }

    private static int or(Integer own, int fallback) {
        return own == null ? fallback : own;
    }
}
