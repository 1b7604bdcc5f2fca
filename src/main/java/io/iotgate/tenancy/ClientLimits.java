package io.iotgate.tenancy;

import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Holds one connection to its folder's {@link Limits}: judges each PUBLISH (payload size, publish rate) and each
 * new topic filter (subscriptions per session). One instance per connection, used on its context only.
 * Topic length is judged by the connection's topic policy, which parses every topic with the same limit.
 */
public final class ClientLimits {

    private final Limits limits;
    private final LongSupplier nanoClock;
    private final PublishRateBucket rate;

    public ClientLimits(Limits limits, LongSupplier nanoClock) {
        this.limits = limits;
        this.nanoClock = nanoClock;
        this.rate = limits.limitsPublishRate()
                ? new PublishRateBucket(limits.publishRate(), limits.publishBurst(), nanoClock.getAsLong())
                : null;
    }

    public static ClientLimits of(Limits limits) {
        return new ClientLimits(limits, System::nanoTime);
    }

    public Limits limits() {
        return limits;
    }

    /** Whether a PUBLISH with this payload breaks a limit; a PUBLISH within them counts towards the rate. */
    public Optional<LimitBreach> judgePublish(int payloadBytes) {
        if (payloadBytes > limits.payloadBytes()) {
            return Optional.of(LimitBreach.PAYLOAD_TOO_LARGE);
        }
        if (rate != null && !rate.tryTake(nanoClock.getAsLong())) {
            return Optional.of(LimitBreach.PUBLISH_RATE_EXCEEDED);
        }
        return Optional.empty();
    }

    /**
     * Whether the session may take one more topic filter. A filter it holds already is replaced, not added
     * [MQTT-3.8.4-3], so it never counts twice.
     *
     * @param held      the topic filters the session holds now, as the client named them
     * @param requested the filter the client asks for
     */
    public Optional<LimitBreach> judgeSubscription(Set<String> held, String requested) {
        return held.contains(requested) || held.size() < limits.subscriptionsPerSession() ? Optional.empty()
                : Optional.of(LimitBreach.SUBSCRIPTION_QUOTA_EXCEEDED);
    }
}
